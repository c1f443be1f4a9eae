using Microsoft.AspNetCore.Http;

namespace SharpBase.Http.Middleware;

/// <summary>
/// PocketBase's security headers (<c>X-XSS-Protection</c>, <c>X-Content-Type-Options</c>, <c>X-Frame-Options</c>) plus
/// <c>Cross-Origin-Opener-Policy</c>, on every response: successes and errors alike. They are set when the response
/// starts, not when the request arrives, because the error envelope clears the headers before it writes (a 404, a 400
/// from a malformed body, a 500 from an exception) and would otherwise drop them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private static readonly Func<object, Task> AddHeadersAsync = state =>
    {
        Apply(((HttpResponse)state).Headers);
        return Task.CompletedTask;
    };

    /// <summary>Arranges for the headers to be added when the response starts, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(AddHeadersAsync, context.Response);
        return next(context);
    }

    /// <summary>Sets the headers (the one list of them).</summary>
    private static void Apply(IHeaderDictionary headers)
    {
        headers.XXSSProtection = "1; mode=block";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
