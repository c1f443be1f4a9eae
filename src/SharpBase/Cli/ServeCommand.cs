using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SharpBase.Core;
using SharpBase.Http.Hosting;

namespace SharpBase.Cli;

/// <summary><c>serve</c>: runs the HTTP server until stopped.</summary>
internal static class ServeCommand
{
    public static readonly Option<string?> Http = new("--http")
    {
        Description = "The address to listen on, host:port. Default: 127.0.0.1:8090",
        HelpName = "host:port",
    };

    public static Command Create(TextWriter output)
    {
        var command = new Command("serve", "Starts the web server.\n\nExamples:\n  sharpbase serve\n  sharpbase serve --http 127.0.0.1:9000 --dir ./data\n" +
                                           "  sharpbase serve --db \"Host=127.0.0.1;Database=app;Username=app;Password=secret\"");
        command.Options.Add(Http);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = ConfigLoader.Load(parse, Http);
            await using var app = await SharpBaseHost.CreateAsync(configuration, cancellationToken: cancellationToken);
            var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
            var core = app.Services.GetRequiredService<IOptions<CoreOptions>>().Value;
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException exception)
            {
                throw new IOException($"cannot listen on {options.Http}: {exception.Message}", exception);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? options.Http;
            await output.WriteLineAsync($"Server started at {address}\n├─ REST API: {address}/api/\n└─ Database: " +
                                        (string.IsNullOrWhiteSpace(core.PostgresConnectionString) ? $"SQLite in {Path.GetFullPath(core.DataDirectory)}" : "PostgreSQL"));
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
