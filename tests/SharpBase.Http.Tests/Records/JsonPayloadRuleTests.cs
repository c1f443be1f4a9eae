using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Records;

/// <summary>
/// A multipart body's <c>@jsonPayload</c> part is part of <c>@request.body</c> for the create and update rules, as in
/// PocketBase (issue 18): the rule decides on the same merged body the record is built from.
/// </summary>
public abstract class JsonPayloadRuleTests(DatabaseKind kind)
{
    private const string Rule = "@request.body.status = 'open' && @request.body.tags:length > 1 && @request.body.meta.level = 3";

    [Fact]
    public async Task CreateRule_SeesValuesSentOnlyInJsonPayload()
    {
        await using var server = await StartAsync();
        using var accepted = Multipart("""{"status":"open","tags":["a","b"],"meta":{"level":3}}""");
        var created = (await HttpAssert.StatusAsync(await server.Guest.PostAsync("/api/collections/tickets/records", accepted), HttpStatusCode.OK))!;
        Assert.Equal("open", created["status"]!.GetValue<string>());
        Assert.Equal("form title", created["title"]!.GetValue<string>());

        using var refused = Multipart("""{"status":"closed","tags":["a","b"],"meta":{"level":3}}""");
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/tickets/records", refused), 400);
        Assert.Equal(1, await CountAsync(server));
    }

    [Fact]
    public async Task UpdateRule_SeesValuesSentOnlyInJsonPayload()
    {
        await using var server = await StartAsync();
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/tickets/records",
            new { title = "t", status = "open" }), HttpStatusCode.OK))!;
        var url = $"/api/collections/tickets/records/{created["id"]}";

        using var refused = Multipart("""{"status":"open","tags":["a"],"meta":{"level":3}}""");
        await HttpAssert.ErrorAsync(await server.Guest.PatchAsync(url, refused), 404);
        using var accepted = Multipart("""{"status":"open","tags":["a","c"],"meta":{"level":3}}""");
        var updated = (await HttpAssert.StatusAsync(await server.Guest.PatchAsync(url, accepted), HttpStatusCode.OK))!;
        Assert.Equal(["a", "c"], updated["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task JsonPayload_WinsOverAFormFieldOfTheSameName_ForTheRuleAndTheRecord()
    {
        await using var server = await StartAsync();
        using var form = Multipart("""{"status":"open","tags":["a","b"],"meta":{"level":3}}""");
        form.Add(new StringContent("closed"), "status");
        var created = (await HttpAssert.StatusAsync(await server.Guest.PostAsync("/api/collections/tickets/records", form), HttpStatusCode.OK))!;
        Assert.Equal("open", created["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rules_SeeJsonPayloadKeysThatAreNoField()
    {
        await using var server = await StartAsync();
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/tickets",
            new { createRule = "@request.body.testPayload = 123", updateRule = "@request.body.testPayload = 123" }), HttpStatusCode.OK);
        using var refused = Multipart("""{"testPayload":124}""");
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/tickets/records", refused), 400);
        using var accepted = Multipart("""{"testPayload":123}""");
        var created = (await HttpAssert.StatusAsync(await server.Guest.PostAsync("/api/collections/tickets/records", accepted), HttpStatusCode.OK))!;
        Assert.Null(created["testPayload"]);

        var url = $"/api/collections/tickets/records/{created["id"]}";
        using var refusedUpdate = Multipart("""{"testPayload":"123"}""");
        await HttpAssert.ErrorAsync(await server.Guest.PatchAsync(url, refusedUpdate), 404);
        using var acceptedUpdate = Multipart("""{"testPayload":123,"status":"done"}""");
        var updated = (await HttpAssert.StatusAsync(await server.Guest.PatchAsync(url, acceptedUpdate), HttpStatusCode.OK))!;
        Assert.Equal("done", updated["status"]!.GetValue<string>());
    }

    private static MultipartFormDataContent Multipart(string payload) => new()
    {
        { new StringContent("form title"), "title" },
        { new StringContent(payload), "@jsonPayload" },
    };

    private async Task<TestServer> StartAsync()
    {
        var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "tickets",
            listRule = "",
            viewRule = "",
            createRule = Rule,
            updateRule = Rule,
            fields = new object[]
            {
                new { name = "title", type = "text" },
                new { name = "status", type = "text" },
                new { name = "tags", type = "select", values = new[] { "a", "b", "c" }, maxSelect = 3 },
                new { name = "meta", type = "json" },
            },
        }), HttpStatusCode.OK);
        return server;
    }

    private static async Task<long> CountAsync(TestServer server)
    {
        var list = (await server.Superuser.GetFromJsonAsync<JsonObject>("/api/collections/tickets/records"))!;
        return list["totalItems"]!.GetValue<long>();
    }
}

public sealed class SqliteJsonPayloadRuleTests() : JsonPayloadRuleTests(DatabaseKind.Sqlite);

public sealed class PostgresJsonPayloadRuleTests() : JsonPayloadRuleTests(DatabaseKind.Postgres);
