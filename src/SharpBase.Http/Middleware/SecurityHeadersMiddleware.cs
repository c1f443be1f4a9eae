using Microsoft.AspNetCore.Http;

namespace SharpBase.Http.Middleware;

/// <summary>The security headers PocketBase sends on every response.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>Adds the headers, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XXSSProtection = "1; mode=block";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
