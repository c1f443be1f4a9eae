using System.Text.RegularExpressions;

namespace SharpBase.Core.Records.Values;

/// <summary>Go's <c>regexp.MatchString</c> for field patterns: unanchored; an invalid pattern or a timeout never matches.</summary>
internal static class PatternMatch
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    public static bool IsMatch(string value, string pattern)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
