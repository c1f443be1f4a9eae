using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Records;

public abstract class BatchTests(DatabaseKind kind)
{
    private static async Task EnableAsync(RecordsScenario s, int maxRequests = 50) =>
        await RecordsScenario.Ok(await s.Server.Superuser.PatchAsJsonAsync("/api/settings", new { batch = new { enabled = true, maxRequests } }));

    [Fact]
    public async Task Disabled_Is403()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await HttpAssert.ErrorAsync(await s.Alice.PostAsJsonAsync("/api/batch", new { requests = new[] { new { method = "POST", url = "/api/collections/comments/records", body = new { text = "x" } } } }), 403);
    }

    [Fact]
    public async Task AllSucceed_InOrder_WithStatusAndBody()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await EnableAsync(s);
        var note = await s.NoteAsync(s.Alice, s.AliceId, "target");
        var response = await s.Alice.PostAsJsonAsync("/api/batch", new
        {
            requests = new object[]
            {
                new { method = "POST", url = "/api/collections/notes/records", body = new { title = "b1", owner = s.AliceId } },
                new { method = "PATCH", url = $"/api/collections/notes/records/{note["id"]}?fields=id,title", body = new { title = "renamed" } },
                new { method = "PUT", url = "/api/collections/notes/records", body = new { id = "upsertedrecord1", title = "upserted", owner = s.AliceId } },
                new { method = "DELETE", url = $"/api/collections/notes/records/{note["id"]}" },
            },
        });
        var results = (await HttpAssert.StatusAsync(response, HttpStatusCode.OK))!.AsArray();
        Assert.Equal([200, 200, 200, 204], results.Select(r => r!["status"]!.GetValue<int>()).ToArray());
        Assert.Equal("b1", results[0]!["body"]!["title"]!.GetValue<string>());
        Assert.Equal(["id", "title"], results[1]!["body"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("upsertedrecord1", results[2]!["body"]!["id"]!.GetValue<string>());
        Assert.Null(results[3]!["body"]);
        var all = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/notes/records?sort=title"));
        Assert.Equal(["b1", "upserted"], all["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task OneFailure_RollsBackEverything_WithTheFailedRequestsError()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await EnableAsync(s);
        var bobs = await s.NoteAsync(s.Bob, s.BobId, "bob's");
        var response = await s.Alice.PostAsJsonAsync("/api/batch", new
        {
            requests = new object[]
            {
                new { method = "POST", url = "/api/collections/notes/records", body = new { title = "first", owner = s.AliceId } },
                new { method = "PATCH", url = $"/api/collections/notes/records/{bobs["id"]}", body = new { title = "hijacked" } },
            },
        });
        var data = await HttpAssert.ErrorAsync(response, 400);
        var failed = data["requests"]!["1"]!;
        Assert.Equal("batch_request_failed", failed["code"]!.GetValue<string>());
        Assert.Equal(404, failed["response"]!["status"]!.GetValue<int>());
        var all = await RecordsScenario.Ok(await s.Server.Superuser.GetAsync("/api/collections/notes/records"));
        Assert.Equal(["bob's"], all["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task InvalidRequests_AreRefusedBeforeRunning()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await EnableAsync(s, maxRequests: 2);
        var tooMany = Enumerable.Range(0, 3).Select(i => new { method = "POST", url = "/api/collections/comments/records", body = new { text = "t" + i } }).ToArray();
        await HttpAssert.ErrorAsync(await s.Alice.PostAsJsonAsync("/api/batch", new { requests = tooMany }), 400);
        await HttpAssert.ErrorAsync(await s.Alice.PostAsJsonAsync("/api/batch", new { requests = new[] { new { method = "GET", url = "/api/collections/comments/records" } } }), 400);
        await HttpAssert.ErrorAsync(await s.Alice.PostAsJsonAsync("/api/batch", new { requests = new[] { new { method = "POST", url = "/api/collections" } } }), 400);
        var comments = await RecordsScenario.Ok(await s.Server.Guest.GetAsync("/api/collections/comments/records"));
        Assert.Equal(0, comments["totalItems"]!.GetValue<long>());
    }

    [Fact]
    public async Task SdkStyleMultipart_IsAccepted()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await EnableAsync(s);
        var payload = new JsonObject { ["requests"] = new JsonArray(new JsonObject { ["method"] = "POST", ["url"] = "/api/collections/comments/records", ["body"] = new JsonObject { ["text"] = "mp" } }) };
        using var form = new MultipartFormDataContent { { new StringContent(payload.ToJsonString()), "@jsonPayload" } };
        var results = (await HttpAssert.StatusAsync(await s.Alice.PostAsync("/api/batch", form), HttpStatusCode.OK))!.AsArray();
        Assert.Equal("mp", results[0]!["body"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Manager_SeesEmails_ThroughBatch_AsThroughPatch()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await EnableAsync(s);
        await RecordsScenario.Ok(await s.Server.Superuser.PatchAsJsonAsync("/api/collections/users", new
        {
            manageRule = $"@request.auth.id = '{s.AliceId}'",
            updateRule = $"@request.auth.id = '{s.AliceId}'",
        }));
        var response = await s.Alice.PostAsJsonAsync("/api/batch", new
        {
            requests = new[] { new { method = "PATCH", url = $"/api/collections/users/records/{s.BobId}", body = new { name = "Bob" } } },
        });
        var results = (await HttpAssert.StatusAsync(response, HttpStatusCode.OK))!.AsArray();
        Assert.Equal("bob@example.com", results[0]!["body"]!["email"]!.GetValue<string>());
    }
}

public sealed class SqliteBatchTests() : BatchTests(DatabaseKind.Sqlite);

public sealed class PostgresBatchTests() : BatchTests(DatabaseKind.Postgres);
