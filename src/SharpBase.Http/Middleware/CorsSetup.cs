using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using SharpBase.Http.Hosting;

namespace SharpBase.Http.Middleware;

/// <summary>
/// CORS for the API. With no <see cref="ServerOptions.CorsOrigins"/> (or <c>*</c>) any origin gets
/// <c>Access-Control-Allow-Origin: *</c> and never credentials, as PocketBase's default. Listed origins are echoed with
/// <c>Access-Control-Allow-Credentials: true</c>, so a listed front end on another origin can use cookie sessions
/// (<see cref="AuthCookieMiddleware"/>; its CSRF check still guards unsafe methods); an unlisted origin gets no grant at
/// all. <c>Vary: Origin</c> goes on every answer once origins are listed (each answer then depends on the origin, with or
/// without an <c>Origin</c> header) and on every preflight. With any origin allowed, a simple answer is the same for every
/// origin, so it does not vary (PocketBase's always does).
/// </summary>
public static class CorsSetup
{
    private static readonly string[] Methods = ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"];

    /// <summary>Adds <c>Vary: Origin</c> where the answer depends on the origin, then ASP.NET's CORS with the policy.</summary>
    public static IApplicationBuilder UseSharpBaseCors(this IApplicationBuilder app, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var anyOrigin = options.AllowsAnyOrigin;

        // ASP.NET's CORS sends Vary only for more than one listed origin, and never with an unlisted or missing Origin.
        // Set when the response starts, so that an error envelope (which clears the headers) keeps it too.
        app.Use((context, next) =>
        {
            if (IsPreflight(context.Request))
            {
                context.Response.OnStarting(AddPreflightVaryAsync, context.Response);
            }
            else if (!anyOrigin)
            {
                context.Response.OnStarting(AddOriginVaryAsync, context.Response);
            }

            return next(context);
        });
        return app.UseCors(cors => Policy(cors, options));
    }

    private static void Policy(CorsPolicyBuilder cors, ServerOptions options)
    {
        if (options.AllowsAnyOrigin)
        {
            cors.AllowAnyOrigin();
        }
        else
        {
            cors.WithOrigins([.. options.CorsOrigins]).AllowCredentials();
        }

        cors.AllowAnyHeader().WithMethods(Methods);
    }

    /// <summary>A CORS preflight, as ASP.NET's CORS recognises it.</summary>
    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.Origin.Count > 0 &&
        request.Headers.ContainsKey(CorsConstants.AccessControlRequestMethod);

    private static Task AddOriginVaryAsync(object state)
    {
        AddVary(((HttpResponse)state).Headers, "Origin");
        return Task.CompletedTask;
    }

    /// <summary>A preflight's answer also echoes the requested method and headers, as PocketBase's Vary says.</summary>
    private static Task AddPreflightVaryAsync(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        AddVary(headers, "Origin");
        AddVary(headers, CorsConstants.AccessControlRequestMethod);
        AddVary(headers, CorsConstants.AccessControlRequestHeaders);
        return Task.CompletedTask;
    }

    private static void AddVary(IHeaderDictionary headers, string name)
    {
        var present = headers.Vary.Any(value => value?.Split(',').Any(item => item.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) == true);
        if (!present)
        {
            headers.Append("Vary", name);
        }
    }
}
