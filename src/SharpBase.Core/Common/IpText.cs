using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace SharpBase.Core.Common;

/// <summary>
/// IP addresses as Go's <c>net/netip</c> reads and writes them: only a dotted quad or an IPv6 text is an address
/// (.NET alone would also take <c>"1"</c> or <c>"0x7f.1"</c>), and <see cref="Expanded"/> is <c>StringExpanded</c>.
/// </summary>
public static partial class IpText
{
    /// <summary>Parses a dotted-quad IPv4 or an IPv6 address (no port, no zone).</summary>
    public static bool TryParse(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (!(text.Contains(':', StringComparison.Ordinal) || DottedQuad().IsMatch(text)) || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal) != (parsed.AddressFamily == AddressFamily.InterNetworkV6))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>An address, or a subnet such as <c>10.0.0.0/8</c> (host bits may be set, as Go's <c>ParsePrefix</c> allows).</summary>
    public static bool IsAddressOrSubnet(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return TryParse(text, out _);
        }

        var bits = text[(slash + 1)..];
        return TryParse(text[..slash], out var address) && bits.Length is > 0 and <= 3 && bits.All(char.IsAsciiDigit) &&
               (bits.Length == 1 || bits[0] != '0') &&
               int.Parse(bits, CultureInfo.InvariantCulture) <= (address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }

    /// <summary>Go's <c>StringExpanded</c>: IPv4 dotted, IPv6 as eight groups of four hex digits.</summary>
    public static string Expanded(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        var text = new StringBuilder(39);
        for (var i = 0; i < 16; i += 2)
        {
            text.Append(i == 0 ? "" : ":").Append(CultureInfo.InvariantCulture, $"{bytes[i]:x2}{bytes[i + 1]:x2}");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();
}
