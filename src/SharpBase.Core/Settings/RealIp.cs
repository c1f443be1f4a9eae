using System.Net;
using SharpBase.Core.Common;

namespace SharpBase.Core.Settings;

/// <summary>
/// The client IP as PocketBase's <c>RequestEvent.RealIP</c> finds it: the trusted proxy headers in their configured order,
/// each read from its last occurrence (the one the proxy itself set), taking the rightmost valid IP of its list, or the
/// leftmost with <see cref="TrustedProxySettings.UseLeftmostIP"/>; otherwise the connection's address.
/// </summary>
public static class RealIp
{
    /// <summary>The common proxy headers looked for when telling a superuser the server may be behind a proxy.</summary>
    private static readonly string[] CommonProxyHeaders = ["CF-Connecting-IP", "Fly-Client-IP", "X-Forwarded-For"];

    /// <summary>Resolves the client IP; <paramref name="headerValues"/> gives every occurrence of a header (case-insensitive name).</summary>
    public static string Resolve(TrustedProxySettings settings, Func<string, IReadOnlyList<string>> headerValues, IPAddress? remote)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(headerValues);
        foreach (var header in settings.Headers.Where(h => h.Length > 0))
        {
            var values = headerValues(header);
            if (values.Count == 0 || values[^1].Length == 0)
            {
                continue;
            }

            var candidates = values[^1].Split(',').Select(ip => ip.Trim());
            foreach (var candidate in settings.UseLeftmostIP ? candidates : candidates.Reverse())
            {
                if (IpText.TryParse(candidate, out var address))
                {
                    return IpText.Expanded(address);
                }
            }
        }

        return RemoteIp(remote);
    }

    /// <summary>
    /// The first of the trusted headers, then the common proxy headers, that the request carries (or <c>""</c>): a hint that
    /// the server runs behind a proxy whose header is not trusted yet.
    /// </summary>
    public static string PossibleProxyHeader(TrustedProxySettings settings, Func<string, IReadOnlyList<string>> headerValues)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(headerValues);
        return settings.Headers.Concat(CommonProxyHeaders).FirstOrDefault(h => h.Length > 0 && headerValues(h) is [{ Length: > 0 }, ..]) ?? "";
    }

    /// <summary>The connection's address as Go prints it; an IPv4 client of a dual-stack socket reads as IPv4.</summary>
    private static string RemoteIp(IPAddress? remote)
    {
        if (remote is null)
        {
            return "";
        }

        return IpText.Expanded(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }
}
