using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Http.Tests.Records;
using Xunit;

namespace SharpBase.Http.Tests.Errors;

/// <summary>
/// Malformed and oversized JSON bodies from a guest, on every kind of JSON endpoint: each is a 400 in the envelope that
/// changes nothing, never a 500, and the server keeps answering.
/// </summary>
public abstract class HostileJsonBodyTests(DatabaseKind kind)
{
    private static readonly string[] Endpoints =
    [
        "/api/collections/posts/records",
        "/api/collections/users/auth-with-password",
        "/api/collections/users/request-password-reset",
        "/api/collections/users/confirm-password-reset",
        "/api/collections/users/request-verification",
        "/api/batch",
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static TheoryData<string, byte[]> Bodies() => new()
    {
        { "duplicate key", Utf8("""{"title":"a","title":"b","identity":"x","identity":"y"}""") },
        { "duplicate nested key", Utf8("""{"data":{"k":1,"k":2}}""") },
        { "invalid UTF-8 in a string", [.. Utf8("""{"title":" """), 0xC3, 0x28, .. Utf8("\"}")] },
        { "lone continuation byte", [.. Utf8("""{"email":"a"""), 0x80, .. Utf8("\"}")] },
        { "unpaired surrogate escape in a value", Utf8("""{"title":"a\ud800","email":"\udc00x","identity":"\ud800"}""") },
        { "unpaired surrogate escape in a key", Utf8("""{"\udc00\ud800":1}""") },
        { "NUL escape", Utf8("""{"title":"a\u0000b","email":"\u0000","identity":"x\u0000","data":{"k":"\u0000"}}""") },
        { "number beyond float64", Utf8("""{"title":1e400,"email":-1e400,"identity":1e400,"data":1e400}""") },
        { "deep nesting", Utf8("{\"data\":" + new string('[', 200) + new string(']', 200) + "}") },
        { "huge member count", Utf8("{" + string.Join(',', Enumerable.Range(0, 20_000).Select(i => $"\"k{i}\":{i}")) + "}") },
        { "huge array", Utf8("{\"data\":[" + string.Join(',', Enumerable.Range(0, 5_000)) + "]}") },
        { "truncated", Utf8("""{"title":"a""") },
        { "not an object", Utf8("[1,2,3]") },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task EveryJsonEndpoint_AnswersAMalformedBodyWith400(string name, byte[] body)
    {
        await using var server = await TestServer.StartAsync(kind);
        await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts", listRule = "", createRule = "", fields = new object[] { new { name = "title", type = "text" }, new { name = "data", type = "json" } },
        }));
        await RecordsScenario.Ok(await server.Superuser.PatchAsJsonAsync("/api/settings", new { batch = new { enabled = true } }));
        foreach (var endpoint in Endpoints)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var answer = await server.Guest.PostAsync(endpoint, content);
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{name} at {endpoint}: {(int)answer.StatusCode}");
            await HttpAssert.ErrorAsync(answer, 400);
        }

        var list = await server.Superuser.GetFromJsonAsync<JsonObject>("/api/collections/posts/records");
        Assert.Equal(0, list!["totalItems"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await server.Guest.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task ARecordBodyWithManyUnknownKeys_IsRefused_AFewAreIgnored()
    {
        await using var server = await TestServer.StartAsync(kind);
        await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts", listRule = "", createRule = "", fields = new object[] { new { name = "title", type = "text" } },
        }));
        var few = new JsonObject { ["title"] = "kept", ["id"] = null, ["created"] = "x", ["expand"] = new JsonObject() };
        Assert.Equal(HttpStatusCode.OK, (await server.Guest.PostAsJsonAsync("/api/collections/posts/records", few)).StatusCode);

        var many = new JsonObject { ["title"] = "refused" };
        for (var i = 0; i < 500; i++)
        {
            many["junk" + i] = i;
        }

        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/posts/records", many), 400);
        var list = await server.Superuser.GetFromJsonAsync<JsonObject>("/api/collections/posts/records");
        Assert.Equal(1, list!["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task AJsonFieldGivenTheTextOfAnOverflowingNumber_KeepsItAsText_AndTheRecordStillReads()
    {
        // "1e400" is JSON by syntax, but stored as a number it became Infinity (SQLite's Inf), which no response can
        // carry: the create answered a 500 after saving a record that no list could read again.
        await using var server = await TestServer.StartAsync(kind);
        await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts", listRule = "", viewRule = "", createRule = "", fields = new object[] { new { name = "data", type = "json" } },
        }));
        var created = await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/posts/records", new { data = "1e400" }), HttpStatusCode.OK);
        Assert.Equal("1e400", created!["data"]!.GetValue<string>());
        var nested = await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/posts/records", new { data = "[1, -1e400]" }), HttpStatusCode.OK);
        Assert.Equal("[1, -1e400]", nested!["data"]!.GetValue<string>());

        var list = await HttpAssert.StatusAsync(await server.Guest.GetAsync("/api/collections/posts/records"), HttpStatusCode.OK);
        Assert.Equal(2, list!["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task AMultipartJsonPayloadWithADuplicateKey_Is400()
    {
        await using var server = await TestServer.StartAsync(kind);
        await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts", listRule = "", createRule = "", fields = new object[] { new { name = "title", type = "text" } },
        }));
        using var form = new MultipartFormDataContent { { new StringContent("""{"title":"a","title":"b"}"""), "@jsonPayload" } };
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/posts/records", form), 400);
    }
}

public sealed class SqliteHostileJsonBodyTests() : HostileJsonBodyTests(DatabaseKind.Sqlite);

public sealed class PostgresHostileJsonBodyTests() : HostileJsonBodyTests(DatabaseKind.Postgres);
