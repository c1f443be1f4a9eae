using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
    /// <summary>The route root every API route is mapped under; a versioned alias is one more <c>MapGroup</c> of the same routes.</summary>
    public const string ApiRoot = "/api";

    /// <summary>The longest request line and header block accepted (1 MiB, as Go's server that PocketBase runs on).</summary>
    public const int MaxRequestLineBytes = 1024 * 1024;

    /// <summary>
    /// Builds the web app from an options object (tests, embedding): the same container as <c>serve</c>, with
    /// <paramref name="options"/> as its configuration. The caller runs or starts it; disposing the app closes the database.
    /// </summary>
    public static Task<WebApplication> CreateAsync(ServerOptions options, Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(options.ToConfiguration()).Build();
        return CreateAsync(configuration, configure, cancellationToken);
    }

    /// <summary>
    /// Builds the engine's container and the web app over <paramref name="configuration"/> (<c>serve</c> passes
    /// <c>appsettings.json</c>, <c>SHARPBASE_*</c> and its flags), validates every option, opens the engine (database,
    /// schema, settings) and maps the routes. <paramref name="configure"/> runs after the modules are registered and before
    /// the container is built, so it can replace a service.
    /// </summary>
    public static async Task<WebApplication> CreateAsync(IConfiguration configuration, Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.Get<ServerOptions>() ?? new ServerOptions();
        ServerOptionsValidator.ThrowIfInvalid(options);
        var endpoint = ParseListenAddress(options.Http);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "SharpBase", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
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
        builder.Services.AddSharpBaseHttp();
        builder.Services.AddSharpBaseCore();
        configure?.Invoke(builder);

        var app = builder.Build();
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.Services.GetRequiredService<SharpBaseApp>().InitializeAsync(cancellationToken);
            Configure(app, app.Services.GetRequiredService<IOptions<ServerOptions>>().Value);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The HTTP module: server options, CORS, routing, and the engine facade the endpoints and tests use.</summary>
    public static IServiceCollection AddSharpBaseHttp(this IServiceCollection services)
    {
        services.AddOptions<ServerOptions>().Configure<IConfiguration>((options, configuration) => configuration.Bind(options))
            .Validate(o => ServerOptionsValidator.Problem(o) is null, "invalid server options").ValidateOnStart();
        services.TryAddSingleton(provider => new SharpBaseApp(provider));
        services.AddCors();
        services.AddRouting();
        return services;
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

    /// <summary>Maps every API route onto <paramref name="api"/> (a group such as <see cref="ApiRoot"/>).</summary>
    public static IEndpointRouteBuilder MapSharpBaseApi(this IEndpointRouteBuilder api)
    {
        api.MapHealthEndpoints();
        api.MapCollectionEndpoints();
        api.MapSettingsEndpoints();
        api.MapRecordEndpoints();
        api.MapBatchEndpoints();
        api.MapAuthEndpoints();
        return api;
    }

    private static void Configure(WebApplication app, ServerOptions options)
    {
        // Outermost, so that every answer gets the headers and the envelope, including a failure in routing itself.
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseRouting();
        app.UseSharpBaseCors(options);
        app.UseMiddleware<QueryTextMiddleware>();
        app.UseMiddleware<AuthCookieMiddleware>();
        app.UseMiddleware<AuthTokenMiddleware>();
        app.MapGroup(ApiRoot).MapSharpBaseApi();
        app.Logger.LogDebug("SharpBase routes mapped");
    }
}
