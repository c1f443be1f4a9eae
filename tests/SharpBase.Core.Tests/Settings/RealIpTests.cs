using System.Net;
using SharpBase.Core.Settings;
using Xunit;

namespace SharpBase.Core.Tests.Settings;

/// <summary>PocketBase's core/event_request_test.go TestEventRequestRealIP table, with repeated header lines.</summary>
public sealed class RealIpTests
{
    private static readonly Dictionary<string, string[]> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CF-Connecting-IP"] = ["1.2.3.4", "1.1.1.1"],
        ["Fly-Client-IP"] = ["1.2.3.4", "1.1.1.2"],
        ["X-Real-IP"] = ["1.2.3.4", "1.1.1.3,1.1.1.4"],
        ["X-Forwarded-For"] = ["1.2.3.4", "invalid,1.1.1.5,1.1.1.6,invalid"],
    };

    [Theory]
    [InlineData(new string[0], false, "127.0.0.1")]
    [InlineData(new[] { "header1", "header2" }, false, "127.0.0.1")]
    [InlineData(new[] { "header1", "x-real-ip", "x-forwarded-for" }, false, "1.1.1.4")]
    [InlineData(new[] { "header1", "x-real-ip", "x-forwarded-for" }, true, "1.1.1.3")]
    [InlineData(new[] { "header1", "x-forwarded-for" }, false, "1.1.1.6")]
    [InlineData(new[] { "header1", "x-forwarded-for" }, true, "1.1.1.5")]
    public void Resolve_ReadsTheLastValueOfTheFirstTrustedHeader(string[] trusted, bool leftmost, string expected)
    {
        var settings = new TrustedProxySettings { Headers = trusted, UseLeftmostIP = leftmost };
        Assert.Equal(expected, RealIp.Resolve(settings, Values, IPAddress.Loopback));
    }

    [Fact]
    public void Resolve_WithoutAValidIp_FallsBackToTheConnection_InGosForm()
    {
        var settings = new TrustedProxySettings { Headers = ["X-Forwarded-For"] };
        Assert.Equal("1.2.3.4", RealIp.Resolve(settings, _ => ["1", "unknown, 0x7f.1"], IPAddress.Parse("::ffff:1.2.3.4")));
        Assert.Equal("0000:0000:0000:0000:0000:0000:0000:0001", RealIp.Resolve(settings, _ => [], IPAddress.IPv6Loopback));
    }

    [Fact]
    public void PossibleProxyHeader_PrefersTrustedHeaders_ThenCommonOnes()
    {
        Assert.Equal("x-real-ip", RealIp.PossibleProxyHeader(new TrustedProxySettings { Headers = ["missing", "x-real-ip"] }, Values));
        Assert.Equal("CF-Connecting-IP", RealIp.PossibleProxyHeader(new TrustedProxySettings(), Values));
        Assert.Equal("", RealIp.PossibleProxyHeader(new TrustedProxySettings(), _ => []));
    }

    private static IReadOnlyList<string> Values(string name) => Headers.TryGetValue(name, out var values) ? values : [];
}
