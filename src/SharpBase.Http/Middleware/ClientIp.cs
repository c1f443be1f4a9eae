using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SharpBase.Core.Settings;

namespace SharpBase.Http.Middleware;

/// <summary>A request's client IP by <see cref="RealIp"/> under the current <c>trustedProxy</c> settings.</summary>
internal static class ClientIp
{
    /// <summary>
    /// The client IP PocketBase's <c>RealIP</c> gives: a trusted proxy header's address, else the connection's. Headers not
    /// listed in <c>trustedProxy.headers</c> are never read, so a client cannot pick its own address.
    /// </summary>
    public static string Of(HttpContext context) => Of(context, context.RequestServices.GetRequiredService<SettingsService>().Current.TrustedProxy);

    /// <summary>The client IP under <paramref name="proxy"/>, for a caller that already holds the settings it reads.</summary>
    public static string Of(HttpContext context, TrustedProxySettings proxy) =>
        RealIp.Resolve(proxy, HeaderValues(context), context.Connection.RemoteIpAddress);

    /// <summary>Every occurrence of a request header, for <see cref="RealIp"/>.</summary>
    public static Func<string, IReadOnlyList<string>> HeaderValues(HttpContext context) =>
        name => context.Request.Headers[name].Select(v => v ?? "").ToList();
}
