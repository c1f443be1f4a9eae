using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SharpBase.Core.Auth;
using SharpBase.Core.Settings;

namespace SharpBase.Http.Middleware;

/// <summary>
/// Cookie sessions (off by default; <c>settings.authCookies.enabled</c>). Auth responses set <c>sb_auth</c> (the JWT) and
/// <c>sb_refresh</c> (the refresh token), both HttpOnly, Secure and SameSite, and <c>sb_csrf</c>, readable by the page's
/// script. A request that relies on a cookie with an unsafe method must send <c>X-CSRF-Token</c> equal to <c>sb_csrf</c>
/// (double-submit); otherwise the cookies are ignored and the request runs as a guest.
/// </summary>
public static class AuthCookies
{
    /// <summary>The auth token cookie.</summary>
    public const string AuthCookie = "sb_auth";

    /// <summary>The refresh token cookie.</summary>
    public const string RefreshCookie = "sb_refresh";

    /// <summary>The CSRF cookie.</summary>
    public const string CsrfCookie = "sb_csrf";

    /// <summary>The header that must echo <see cref="CsrfCookie"/> on unsafe methods.</summary>
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>True when cookie sessions are enabled in the settings.</summary>
    public static bool Enabled(HttpContext context) => Settings(context)?.Enabled == true;

    /// <summary>Sets the cookies for a successful auth response (no-op when disabled).</summary>
    public static void Issue(HttpContext context, AuthResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        if (Settings(context) is not { Enabled: true } settings)
        {
            return;
        }

        var tokenLifetime = TimeSpan.FromSeconds(Math.Max(1, result.Record.Collection.Auth?.AuthToken.Duration ?? 0));
        context.Response.Cookies.Append(AuthCookie, result.Token, Options(settings, httpOnly: true, tokenLifetime));
        if (result.RefreshToken is { } refresh)
        {
            var refreshLifetime = context.RequestServices.GetRequiredService<AuthService>().Sessions.Options.RefreshTokenLifetime;
            context.Response.Cookies.Append(RefreshCookie, refresh, Options(settings, httpOnly: true, refreshLifetime));
        }

        var csrf = context.Request.Cookies[CsrfCookie] is { Length: >= 32 } existing ? existing : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        context.Response.Cookies.Append(CsrfCookie, csrf, Options(settings, httpOnly: false, TimeSpan.FromDays(400)));
    }

    /// <summary>Deletes the cookies (log out).</summary>
    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Settings(context) is not { Enabled: true } settings)
        {
            return;
        }

        foreach (var name in new[] { AuthCookie, RefreshCookie, CsrfCookie })
        {
            context.Response.Cookies.Delete(name, Options(settings, httpOnly: name != CsrfCookie, null));
        }
    }

    /// <summary>The refresh token from its cookie, when cookies are enabled and the CSRF check passes; otherwise null.</summary>
    public static string? ReadRefreshToken(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Enabled(context) && CsrfPasses(context) && context.Request.Cookies[RefreshCookie] is { Length: > 0 } token ? token : null;
    }

    /// <summary>True for safe methods, and for unsafe ones whose <c>X-CSRF-Token</c> equals the CSRF cookie (constant time).</summary>
    public static bool CsrfPasses(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return true;
        }

        var cookie = context.Request.Cookies[CsrfCookie];
        var header = context.Request.Headers[CsrfHeader].ToString();
        return cookie is { Length: >= 32 } && header.Length == cookie.Length &&
               CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(cookie), Encoding.UTF8.GetBytes(header));
    }

    private static AuthCookieSettings? Settings(HttpContext context) =>
        context.RequestServices.GetService<SettingsService>()?.Current.AuthCookies;

    private static CookieOptions Options(AuthCookieSettings settings, bool httpOnly, TimeSpan? maxAge) => new()
    {
        HttpOnly = httpOnly,
        Secure = settings.Secure,
        SameSite = settings.SameSite switch { "Strict" => SameSiteMode.Strict, "None" => SameSiteMode.None, _ => SameSiteMode.Lax },
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
