namespace SharpBase.Core.Settings;

/// <summary>
/// The headers a trusted reverse proxy sets to the client IP, read as PocketBase's <c>RealIP</c> reads them. None configured:
/// the connection's address is the client IP.
/// </summary>
public sealed record TrustedProxySettings
{
    /// <summary>Header names to check in order, e.g. <c>X-Forwarded-For</c>; the first that gives an IP wins.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>Take the leftmost valid IP of the header's last value instead of the rightmost (unsafe with most proxies).</summary>
    public bool UseLeftmostIP { get; init; }
}
