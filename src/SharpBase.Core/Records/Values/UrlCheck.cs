using System.Text;
using System.Text.RegularExpressions;

namespace SharpBase.Core.Records.Values;

/// <summary>The url field's checks: govalidator's <c>IsURL</c> (used by PocketBase) and Go's <c>url.Parse(...).Host</c>.</summary>
internal static partial class UrlCheck
{
    private const string Ip =
        "(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|" +
        "([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|" +
        "([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|" +
        "[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|" +
        "::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|" +
        "([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))";

    private const string UrlIp =
        "([1-9][0-9]?|1[0-9][0-9]|2[01][0-9]|22[0-3]|24[0-9]|25[0-5])(\\.([0-9]{1,2}|1[0-9][0-9]|2[0-4][0-9]|25[0-5])){2}" +
        "(?:\\.([0-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5]))";

    private const string Subdomain = "((www\\.)|([a-zA-Z0-9]+([-_\\.]?[a-zA-Z0-9])*[a-zA-Z0-9]\\.[a-zA-Z0-9]+))";

    private const string UrlPattern =
        "^((ftp|tcp|udp|wss?|https?):\\/\\/)?(\\S+(:\\S*)?@)?((" + UrlIp + "|(\\[" + Ip + "\\])|" +
        "(([a-zA-Z0-9]([a-zA-Z0-9\\-_]+)?[a-zA-Z0-9]([-\\.][a-zA-Z0-9]+)*)|(" + Subdomain + "?))?" +
        "(([a-zA-Z\\u00a1-\\uffff0-9]+-?-?)*[a-zA-Z\\u00a1-\\uffff0-9]+)(?:\\.([a-zA-Z\\u00a1-\\uffff]{1,}))?))\\.?" +
        "(:([0-9]{1,5}))?((\\/|\\?|#)[^\\s]*)?$";

    /// <summary>govalidator's <c>IsURL</c>: a scheme is optional, so <c>example.com</c> passes.</summary>
    public static bool IsUrl(string value)
    {
        if (value.Length == 0 || value.EnumerateRunes().Count() >= 2083 || Encoding.UTF8.GetByteCount(value) <= 3 || value.StartsWith('.'))
        {
            return false;
        }

        if (value.Any(c => c < ' ' || c == '\u007f'))
        {
            return false; // Go's url.Parse refuses control characters
        }

        var parsed = value.Contains(':', StringComparison.Ordinal) && !value.Contains("://", StringComparison.Ordinal) ? "http://" + value : value;
        var (host, path) = Split(parsed);
        if (host.StartsWith('.') || (host.Length == 0 && path.Length > 0 && !path.Contains('.', StringComparison.Ordinal)))
        {
            return false;
        }

        return UrlRegex().IsMatch(value);
    }

    /// <summary>The host (with any port) as Go's <c>url.Parse</c> gives it; empty without a <c>scheme://</c> authority.</summary>
    public static string Host(string value) => Split(value).Host;

    private static (string Host, string Path) Split(string value)
    {
        var scheme = SchemeRegex().Match(value);
        if (scheme.Success && value.AsSpan(scheme.Length).StartsWith("//"))
        {
            var rest = value[(scheme.Length + 2)..];
            var end = rest.IndexOfAny(['/', '?', '#']);
            var authority = end < 0 ? rest : rest[..end];
            var path = end < 0 ? "" : rest[end..];
            var at = authority.LastIndexOf('@');
            return (at < 0 ? authority : authority[(at + 1)..], path);
        }

        if (scheme.Success)
        {
            return ("", ""); // opaque, e.g. mailto:x
        }

        var stop = value.IndexOfAny(['?', '#']);
        return ("", stop < 0 ? value : value[..stop]);
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemeRegex();

    [GeneratedRegex(UrlPattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlRegex();
}
