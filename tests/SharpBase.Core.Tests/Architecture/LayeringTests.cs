using System.Reflection;
using Xunit;

namespace SharpBase.Core.Tests.Architecture;

/// <summary>Dependencies run one way, Http → Core → Storage; a back-edge fails here before it spreads.</summary>
public sealed class LayeringTests
{
    private static string[] References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Fact]
    public void Core_ReferencesNeitherAspNetCoreNorHttp()
    {
        var references = References(typeof(SharpBaseApp).Assembly);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain("SharpBase.Http", references);
        Assert.DoesNotContain("SharpBase", references);
        Assert.Contains("SharpBase.Storage", references);
    }

    [Fact]
    public void Storage_ReferencesNoOtherLayer()
    {
        var references = References(typeof(SharpBase.Storage.Database).Assembly);
        Assert.DoesNotContain(references, r => r.StartsWith("SharpBase", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void CommonHelpers_UseNothingFromRecordsAuthOrSchema()
    {
        var helpers = typeof(SharpBase.Core.Common.Ids).Assembly.GetTypes().Where(t => t.Namespace == "SharpBase.Core.Common");
        foreach (var type in helpers)
        {
            var used = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
                .Select(t => t.Namespace ?? "");
            Assert.DoesNotContain(used, ns => ns.StartsWith("SharpBase.Core.", StringComparison.Ordinal) && ns != "SharpBase.Core.Common");
        }
    }
}
