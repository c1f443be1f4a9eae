using System.Reflection;
using SharpBase.Http.Hosting;
using Xunit;

namespace SharpBase.Http.Tests.Architecture;

/// <summary>Http reaches the data only through Core's use cases: it uses no Storage type (sessions, dialects, catalog).</summary>
public sealed class HttpLayeringTests
{
    [Fact]
    public void Http_UsesNoStorageTypes()
    {
        var http = typeof(SharpBaseHost).Assembly;
        Assert.DoesNotContain(http.GetReferencedAssemblies(), a => a.Name == "SharpBase.Storage");
        var leaking = http.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Where(t => t.Namespace?.StartsWith("SharpBase.Storage", StringComparison.Ordinal) == true)
            .Select(t => t.FullName)
            .Distinct()
            .ToList();
        Assert.Empty(leaking);
    }
}
