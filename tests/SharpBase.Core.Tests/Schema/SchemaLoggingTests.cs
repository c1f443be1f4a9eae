using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace SharpBase.Core.Tests.Schema;

/// <summary>Schema changes and migrations log one line each through the container's logger (no stacks).</summary>
public sealed class SchemaLoggingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb-log-" + Guid.NewGuid().ToString("N"));
    private readonly CapturedLog _log = new();

    [Fact]
    public async Task CollectionChangesAndMigrations_AreLogged()
    {
        var ct = TestContext.Current.CancellationToken;
        var migrations = Path.Combine(_directory, "migrations");
        await using (var app = await OpenAsync(Path.Combine(_directory, "first"), migrations, ct))
        {
            var created = await app.Collections.CreateAsync(new JsonObject { ["name"] = "notes", ["type"] = "base", ["fields"] = new JsonArray() }, ct);
            await app.Collections.TruncateAsync("notes", ct);
            Assert.Contains(_log.Lines, l => l == $"Information Collection notes ({created.Id}) created; migration " + Path.GetFileName(app.MigrationFiles.List()[^1]));
            Assert.Contains(_log.Lines, l => l == $"Information Collection notes ({created.Id}) truncated: 0 records deleted");
        }

        // A second database replays the migration file the first one wrote.
        await using (var app = await OpenAsync(Path.Combine(_directory, "second"), migrations, ct))
        {
            Assert.True(await app.Migrations.UpAsync(allowDestructive: false, TextWriter.Null, ct));
            Assert.Contains(_log.Lines, l => l.StartsWith("Information Migration ", StringComparison.Ordinal) && l.Contains(" applied in ", StringComparison.Ordinal));
        }

        Assert.All(_log.Lines, l => Assert.DoesNotContain("   at ", l, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task<SharpBaseApp> OpenAsync(string data, string migrations, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(SharpBaseApp.ToConfiguration(new CoreOptions { DataDirectory = data, MigrationsDirectory = migrations })).Build();
        return SharpBaseApp.OpenAsync(configuration, services => services.AddLogging(builder => builder.AddProvider(_log)), ct);
    }

    private sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public IReadOnlyList<string> Lines => [.. Queue];

        public ILogger CreateLogger(string categoryName) => new Logger(Queue);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> queue) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                queue.Enqueue(logLevel + " " + formatter(state, exception) + (exception is null ? "" : "\n" + exception));
        }
    }
}
