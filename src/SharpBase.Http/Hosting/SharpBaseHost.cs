using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SharpBase.Core;
using SharpBase.Http.Endpoints;
using SharpBase.Http.Endpoints.Auth;
using SharpBase.Http.Endpoints.Batch;
using SharpBase.Http.Endpoints.Records;
using SharpBase.Http.Endpoints.Collections;
using SharpBase.Http.Endpoints.Settings;
using SharpBase.Http.Errors;
using SharpBase.Http.Middleware;

namespace SharpBase.Http.Hosting;

/// <summary>
/// Builds the SharpBase web application over an opened <see cref="SharpBaseApp"/>. The executable's <c>serve</c>
/// and the HTTP tests both start the server through here.
/// </summary>
public static class SharpBaseHost
{
    /// <summary>The longest request line and header block accepted (1 MiB, as Go's server that PocketBase runs on).</summary>
    public const int MaxRequestLineBytes = 1024 * 1024;

    /// <summary>
    /// Opens the engine (database, schema, settings) and builds the web app listening on <see cref="ServerOptions.Http"/>.
    /// The caller runs or starts it; disposing the app closes the database.
    /// </summary>
    public static async Task<WebApplication> CreateAsync(ServerOptions options, Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var endpoint = ParseListenAddress(options.Http);
        var core = await SharpBaseApp.OpenAsync(options.Core, cancellationToken: cancellationToken);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "SharpBase", ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxRequestBodySize = options.MaxBodySize;
                // Long filters must reach the parser, which answers 400 in the envelope; Kestrel's 8 KB default would answer a bare 414.
                kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
                kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestLineBytes;
                kestrel.Listen(endpoint);
            });
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
            // Created through a factory so the container owns it and closes the database when the app is disposed.
            builder.Services.AddSingleton(_ => core);
            builder.Services.AddSingleton(core.Schema);
            builder.Services.AddSingleton(core.Collections);
            builder.Services.AddSingleton(core.Settings);
            builder.Services.AddSingleton(core.Auth);
            builder.Services.AddSingleton(core.RecordService);
            builder.Services.AddSingleton(core.AuthFlows);
            builder.Services.AddCors();
            builder.Services.AddRouting();
            configure?.Invoke(builder);

            var app = builder.Build();
            _ = app.Services.GetRequiredService<SharpBaseApp>();
            core.UseLogging(app.Services.GetRequiredService<ILoggerFactory>());
            Configure(app, options);
            return app;
        }
        catch
        {
            await core.DisposeAsync();
            throw;
        }
    }

    /// <summary>Parses <c>host:port</c> (an IP or <c>localhost</c>); a bad value gives one clear line.</summary>
    public static IPEndPoint ParseListenAddress(string address)
    {
        var text = address.Trim();
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..].TrimEnd('/');
        }

        var colon = text.LastIndexOf(':');
        var host = colon >= 0 ? text[..colon].Trim('[', ']') : "";
        if (colon < 0 || !int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) ||
            port > 65535)
        {
            throw new ArgumentException($"invalid --http address \"{address}\": expected host:port, e.g. 127.0.0.1:8090");
        }

        if (host.Length == 0 || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(host.Length == 0 ? IPAddress.Any : IPAddress.Loopback, port);
        }

        return IPAddress.TryParse(host, out var ip)
            ? new IPEndPoint(ip, port)
            : throw new ArgumentException($"invalid --http address \"{address}\": the host must be an IP address or localhost");
    }

    private static void Configure(WebApplication app, ServerOptions options)
    {
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors(cors =>
        {
            if (options.CorsOrigins.Contains("*"))
            {
                cors.AllowAnyOrigin();
            }
            else
            {
                cors.WithOrigins([.. options.CorsOrigins]);
            }

            cors.AllowAnyHeader().WithMethods("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE");
        });
        app.UseMiddleware<AuthCookieMiddleware>();
        app.UseMiddleware<AuthTokenMiddleware>();
        app.MapHealthEndpoints();
        app.MapCollectionEndpoints();
        app.MapSettingsEndpoints();
        app.MapRecordEndpoints();
        app.MapBatchEndpoints();
        app.MapAuthEndpoints();
        app.MapFallback((HttpContext context) => ErrorEnvelope.WriteAsync(context, StatusCodes.Status404NotFound, null));
        app.Logger.LogDebug("SharpBase routes mapped");
    }
}
