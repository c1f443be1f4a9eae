using SharpBase.Core.Common;
using SharpBase.Core.Records.Values;
using SharpBase.Core.Schema.Fields;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

public sealed class PatternAndKeyTests
{
    [Theory]
    [InlineData("[a-z0-9]{15}", "^[a-z0-9]{15}$")]
    [InlineData("[a-zA-Z0-9]{50}", "^[a-zA-Z0-9]{50}$")]
    [InlineData("inv_[0-9]{4}", "^inv_[0-9]{4}$")]
    [InlineData("\\d{3}-\\w{2}", "^[0-9]{3}-[0-9A-Za-z_]{2}$")]
    [InlineData("(ab|cd)[xyz]{2,4}", "^(ab|cd)[xyz]{2,3}$")]
    [InlineData("^[A-F]{6}$", "^[A-F]{6}$")]
    [InlineData("a.{3}", "^a[A-Za-z0-9]{3}$")]
    [InlineData("x[^a-z]{5}", "^x[^a-z]{5}$")]
    [InlineData("[[:digit:]]+", "^[0-9]{1,5}$")]
    [InlineData("ab?c", "^ac$")]
    [InlineData("a\\.b", "^a\\.b$")]
    public void Generate_MatchesThePattern(string pattern, string check)
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Matches(check, PatternGenerator.Generate(pattern, SecureRandomSource.Instance));
        }
    }

    [Fact]
    public void Generate_IsDrivenByTheRandomSource()
    {
        Assert.Equal("0123456789abcde", PatternGenerator.Generate("[a-z0-9]{15}", new CyclingRandom()));
        Assert.Equal("id-ab", PatternGenerator.Generate("id-[a-b]{2}", new CyclingRandom()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[a-z")]
    [InlineData("(abc")]
    [InlineData("*a")]
    [InlineData("(?i)abc")]
    [InlineData("\\pL")]
    public void Generate_GivesNullForUnsupportedPatterns(string pattern) =>
        Assert.Null(PatternGenerator.Generate(pattern, SecureRandomSource.Instance));

    [Theory]
    [InlineData("tags", "tags", FieldModifier.Set)]
    [InlineData("tags+", "tags", FieldModifier.Append)]
    [InlineData("+tags", "tags", FieldModifier.Prepend)]
    [InlineData("tags-", "tags", FieldModifier.Remove)]
    [InlineData("slug:autogenerate", "slug", FieldModifier.Autogenerate)]
    [InlineData("+", "+", FieldModifier.Set)]
    [InlineData(":autogenerate", ":autogenerate", FieldModifier.Set)]
    public void BodyKey_Parse(string key, string name, FieldModifier modifier) =>
        Assert.Equal((name, modifier), BodyKey.Parse(key));

    [Fact]
    public void BodyKey_AppliesShortestFirst() =>
        Assert.Equal(["n", "n+", "+n", "n-"], BodyKey.InApplyOrder(["n+", "+n", "n", "n-"]));
}
