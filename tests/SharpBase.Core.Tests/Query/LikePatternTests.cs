using SharpBase.Core.Query.Semantics;
using Xunit;

namespace SharpBase.Core.Tests.Query;

public sealed class LikePatternTests
{
    // The cases of PocketBase's TestLikeParamsWrapping.
    [Theory]
    [InlineData("abc", "%abc%")]
    [InlineData("ab%c", "ab%c")]
    [InlineData("ab\\%c", "%ab\\%c%")]
    [InlineData("%ab\\%c", "%ab\\%c")]
    [InlineData("ab\\\\%c", "ab\\\\%c")]
    [InlineData("ab\\\\\\%c", "%ab\\\\\\%c%")]
    [InlineData("ab_c", "%ab\\_c%")]
    [InlineData("ab\\_c", "%ab\\_c%")]
    [InlineData("%ab_c", "%ab_c")]
    [InlineData("ab\\c", "%ab\\\\c%")]
    [InlineData("_ab\\c_", "%\\_ab\\\\c\\_%")]
    [InlineData("ab\\c%", "ab\\c%")]
    [InlineData("a\nb\\", "%a\nb\\\\%")]
    public void WrapMatchesPocketBase(string value, string pattern) => Assert.Equal(pattern, LikePattern.Wrap(value));

    [Theory]
    [InlineData("Hello", "hello", true)]
    [InlineData("HELLO", "h%o", true)]
    [InlineData("ÄB", "äb", false)]
    [InlineData("abc", "a_c", true)]
    [InlineData("abc", "a_", false)]
    [InlineData("a%c", "a\\%c", true)]
    [InlineData("abc", "a\\%c", false)]
    [InlineData("abc", "abc\\", false)]
    [InlineData("", "%", true)]
    [InlineData("", "_", false)]
    [InlineData("aXbXc", "%b%c", true)]
    [InlineData("mississippi", "%iss%ppi", true)]
    [InlineData("mississippi", "%iss%ppx", false)]
    public void IsMatchIsSqliteLike(string text, string pattern, bool expected) =>
        Assert.Equal(expected, LikePattern.IsMatch(text, pattern));
}
