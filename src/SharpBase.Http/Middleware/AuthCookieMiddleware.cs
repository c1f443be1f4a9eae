using Microsoft.AspNetCore.Http;

namespace SharpBase.Http.Middleware;

/// <summary>
/// With cookie sessions enabled, a request without an <c>Authorization</c> header is authenticated by its <c>sb_auth</c>
/// cookie, provided the CSRF check passes (unsafe methods must echo the CSRF cookie in <c>X-CSRF-Token</c>). Runs before
/// <see cref="AuthTokenMiddleware"/>, which then reads the token as if it had come in the header.
/// </summary>
public sealed class AuthCookieMiddleware(RequestDelegate next)
{
    /// <summary>Moves a CSRF-checked auth cookie into the <c>Authorization</c> header, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies[AuthCookies.AuthCookie] is { Length: > 0 } token &&
            AuthCookies.Enabled(context) && AuthCookies.CsrfPasses(context))
        {
            context.Request.Headers.Authorization = token;
        }

        return next(context);
    }
}
