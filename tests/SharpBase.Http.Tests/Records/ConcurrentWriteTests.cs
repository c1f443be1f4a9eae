using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Storage;
using Xunit;

namespace SharpBase.Http.Tests.Records;

/// <summary>
/// Read-modify-writes under 100 parallel writers: each test asserts the exact final state, so a write that read a stale
/// row (PostgreSQL under READ COMMITTED without a row lock) shows up as a lost update.
/// </summary>
public abstract class ConcurrentWriteTests(DatabaseKind kind)
{
    private const int Writers = 100;

    private static async Task<(TestServer Server, string Id)> CounterAsync(DatabaseKind kind, string? updateRule = "")
    {
        var server = await TestServer.StartAsync(kind);
        var su = server.Superuser;
        await RecordsScenario.Ok(await su.PostAsJsonAsync("/api/collections", new
        {
            name = "items",
            listRule = "",
            viewRule = "",
            createRule = "",
            fields = new object[] { new { name = "label", type = "text" } },
        }));
        var itemsId = (await su.GetFromJsonAsync<JsonObject>("/api/collections/items"))!["id"]!.GetValue<string>();
        await RecordsScenario.Ok(await su.PostAsJsonAsync("/api/collections", new JsonObject
        {
            ["name"] = "counters",
            ["listRule"] = "",
            ["viewRule"] = "",
            ["updateRule"] = updateRule,
            ["deleteRule"] = "",
            ["fields"] = new JsonArray(
                new JsonObject { ["name"] = "value", ["type"] = "number" },
                new JsonObject { ["name"] = "items", ["type"] = "relation", ["collectionId"] = itemsId, ["maxSelect"] = Writers },
                new JsonObject
                {
                    ["name"] = "tags", ["type"] = "select", ["maxSelect"] = Writers,
                    ["values"] = new JsonArray(Enumerable.Range(0, Writers).Select(i => (JsonNode)("t" + i)).ToArray()),
                }),
        }));
        var counter = await RecordsScenario.Ok(await su.PostAsJsonAsync("/api/collections/counters/records", new { value = 0 }));
        return (server, counter["id"]!.GetValue<string>());
    }

    private static async Task<HttpResponseMessage[]> InParallelAsync(Func<int, Task<HttpResponseMessage>> write)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, Writers).Select(async i =>
        {
            await start.WaitAsync();
            return await write(i);
        }).ToArray();
        start.Release(Writers);
        return await Task.WhenAll(tasks);
    }

    private static async Task<JsonObject> ReadAsync(TestServer server, string id) =>
        (await server.Superuser.GetFromJsonAsync<JsonObject>($"/api/collections/counters/records/{id}"))!;

    [Fact]
    public async Task NumberIncrements_AreNeverLost()
    {
        var (server, id) = await CounterAsync(kind);
        await using var _ = server;
        var answers = await InParallelAsync(_ => server.Guest.PatchAsJsonAsync($"/api/collections/counters/records/{id}", new JsonObject { ["value+"] = 1 }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(Writers, (await ReadAsync(server, id))["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task MultiValueAppends_AreNeverLost()
    {
        var (server, id) = await CounterAsync(kind);
        await using var _ = server;
        var itemIds = new List<string>();
        for (var i = 0; i < Writers; i++)
        {
            itemIds.Add((await RecordsScenario.Ok(await server.Guest.PostAsJsonAsync("/api/collections/items/records", new { label = "i" + i })))["id"]!.GetValue<string>());
        }

        var answers = await InParallelAsync(i => server.Guest.PatchAsJsonAsync($"/api/collections/counters/records/{id}",
            new JsonObject { ["items+"] = itemIds[i], ["tags+"] = "t" + i }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var counter = await ReadAsync(server, id);
        Assert.Equal(itemIds.Order(StringComparer.Ordinal), counter["items"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(Writers, counter["tags"]!.AsArray().Select(n => n!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task UpdateRule_SeesTheRowAsOfItsOwnWrite()
    {
        // The rule admits a write while value < 50: exactly 50 of the 100 writers may pass, whatever the interleaving.
        var (server, id) = await CounterAsync(kind, updateRule: "value < 50");
        await using var _ = server;
        var answers = await InParallelAsync(_ => server.Guest.PatchAsJsonAsync($"/api/collections/counters/records/{id}", new JsonObject { ["value+"] = 1 }));
        Assert.Equal(50, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(50, answers.Count(a => a.StatusCode == HttpStatusCode.NotFound));
        Assert.Equal(50, (await ReadAsync(server, id))["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task BatchIncrements_AreNeverLost()
    {
        var (server, id) = await CounterAsync(kind);
        await using var _ = server;
        await RecordsScenario.Ok(await server.Superuser.PatchAsJsonAsync("/api/settings", new { batch = new { enabled = true, maxRequests = 10 } }));
        var step = new JsonObject { ["method"] = "PATCH", ["url"] = $"/api/collections/counters/records/{id}", ["body"] = new JsonObject { ["value+"] = 1 } };
        var answers = await InParallelAsync(_ => server.Guest.PostAsJsonAsync("/api/batch",
            new JsonObject { ["requests"] = new JsonArray(step.DeepClone(), step.DeepClone()) }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(2 * Writers, (await ReadAsync(server, id))["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task ParallelDeletes_OneSucceeds_TheRestAre404()
    {
        var (server, id) = await CounterAsync(kind);
        await using var _ = server;
        var answers = await InParallelAsync(_ => server.Guest.DeleteAsync($"/api/collections/counters/records/{id}"));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(Writers - 1, answers.Count(a => a.StatusCode == HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task TwoLastSuperusers_DeletingEachOther_LeaveOne()
    {
        await using var server = await TestServer.StartAsync(kind);
        const string password = "superuser password";
        var other = await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections/_superusers/records",
            new { email = "second@example.com", password, passwordConfirm = password }));
        var login = await RecordsScenario.Ok(await server.Guest.PostAsJsonAsync("/api/collections/_superusers/auth-with-password",
            new { identity = "second@example.com", password }));
        using var second = new HttpClient { BaseAddress = server.Address };
        second.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", login["token"]!.GetValue<string>());
        var rootId = (await RecordsScenario.Ok(await server.Superuser.GetAsync("/api/collections/_superusers/records?filter=email='root@example.com'")))
            ["items"]![0]!["id"]!.GetValue<string>();
        await Task.WhenAll(
            server.Superuser.DeleteAsync($"/api/collections/_superusers/records/{other["id"]}"),
            second.DeleteAsync($"/api/collections/_superusers/records/{rootId}"));

        Assert.Equal(1, await CountSuperusersAsync(server));
    }

    private static async Task<long> CountSuperusersAsync(TestServer server)
    {
        var services = server.App.Services;
        var superusers = services.GetRequiredService<SchemaRegistry>().Current.Find("_superusers")!;
        var left = await services.GetRequiredService<Database>().ReadAsync((session, ct) =>
            services.GetRequiredService<RecordStore>().CountAsync(session, superusers, ct), CancellationToken.None);
        return left;
    }

    [Fact]
    public async Task ParallelCreates_OfOneUniqueValue_OneSucceeds_TheRestAre400()
    {
        var (server, _) = await CounterAsync(kind);
        await using var __ = server;
        await RecordsScenario.Ok(await server.Superuser.PatchAsJsonAsync("/api/collections/items",
            new { indexes = new[] { "CREATE UNIQUE INDEX idx_items_label ON items (label)" } }));
        var answers = await InParallelAsync(_ => server.Guest.PostAsJsonAsync("/api/collections/items/records", new { label = "same" }));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            var data = await HttpAssert.ErrorAsync(refused, 400);
            Assert.Equal("validation_not_unique", data["label"]!["code"]!.GetValue<string>());
        }
    }
}

public sealed class SqliteConcurrentWriteTests() : ConcurrentWriteTests(DatabaseKind.Sqlite);

public sealed class PostgresConcurrentWriteTests() : ConcurrentWriteTests(DatabaseKind.Postgres);
