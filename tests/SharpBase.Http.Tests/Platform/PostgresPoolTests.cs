using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Http.Tests.Records;
using SharpBase.Storage;
using SharpBase.Storage.Postgres;
using Xunit;

namespace SharpBase.Http.Tests.Platform;

/// <summary>
/// The PostgreSQL pool of one node: bounded by default so a burst cannot take every server slot, pruned when idle, and a
/// request that finds no free connection in time gets 503 with <c>Retry-After</c>, not a hang or a 500. SQLite has no pool
/// (one writer, readers opened on demand), so these run on PostgreSQL only.
/// </summary>
public sealed class PostgresPoolTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<int> OpenConnectionsAsync(TestDatabase database)
    {
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!);
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task PublicCollectionAsync(TestServer server) =>
        await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts",
            listRule = "",
            fields = new object[] { new { name = "title", type = "text" } },
        }));

    [Fact]
    public async Task ByDefault_TheNodeOpensAFewConnectionsPerCore_NotNpgsqlsHundred()
    {
        await using var server = await TestServer.StartAsync(DatabaseKind.Postgres);
        var database = Assert.IsType<PostgresDatabase>(server.App.Services.GetRequiredService<Database>());
        Assert.Equal(PostgresPoolOptions.DefaultMaxConnections, database.Settings.MaxPoolSize);
        Assert.InRange(database.Settings.MaxPoolSize, 8, 64);
        Assert.Equal(30, database.Settings.ConnectionIdleLifetime);
    }

    [Fact]
    public async Task AfterABurst_IdleConnectionsAreClosed_AndNeverExceedThePool()
    {
        await using var server = await TestServer.StartAsync(DatabaseKind.Postgres, o =>
        {
            o.Core.DbMaxConnections = 6;
            o.Core.DbIdleLifetime = TimeSpan.FromSeconds(2);
        });
        await PublicCollectionAsync(server);
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => server.Guest.GetAsync("/api/collections/posts/records")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.InRange(await OpenConnectionsAsync(server.Database), 1, 6);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        int open;
        while ((open = await OpenConnectionsAsync(server.Database)) > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(open <= 1, $"{open} connections still open long after the idle lifetime");
    }

    [Fact]
    public async Task AnExplicitPoolSizeInTheConnectionString_Wins()
    {
        await using var server = await TestServer.StartAsync(DatabaseKind.Postgres, o =>
        {
            o.Core.PostgresConnectionString += ";Maximum Pool Size=3";
            o.Core.DbMaxConnections = 20;
        });
        var database = Assert.IsType<PostgresDatabase>(server.App.Services.GetRequiredService<Database>());
        Assert.Equal(3, database.Settings.MaxPoolSize);
    }

    [Fact]
    public async Task WhenEveryConnectionStaysBusy_TheRequestGets503WithRetryAfter_ThenServiceResumes()
    {
        await using var server = await TestServer.StartAsync(DatabaseKind.Postgres, o =>
        {
            o.Core.PostgresConnectionString += ";Timeout=1";
            o.Core.DbMaxConnections = 2;
        });
        await PublicCollectionAsync(server);
        var database = server.App.Services.GetRequiredService<Database>();
        using var release = new SemaphoreSlim(0);
        var holding = new CountdownEvent(2);
        var holders = Enumerable.Range(0, 2).Select(_ => database.ReadAsync(async (_, ct) =>
        {
            holding.Signal();
            await release.WaitAsync(ct);
            return true;
        }, Ct)).ToArray();
        Assert.True(holding.Wait(TimeSpan.FromSeconds(10)), "the two pooled connections were not taken");

        var busy = await server.Guest.GetAsync("/api/collections/posts/records");
        await HttpAssert.ErrorAsync(busy, 503);
        Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);

        release.Release(2);
        await Task.WhenAll(holders);
        Assert.Equal(HttpStatusCode.OK, (await server.Guest.GetAsync("/api/collections/posts/records")).StatusCode);
    }
}
