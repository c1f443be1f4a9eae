using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

/// <summary>
/// Issue 18: a new collection gets exactly the system fields PocketBase's create endpoint gives it (core/collection_model.go
/// initDefaultFields): <c>id</c> for base, <c>id</c> plus the five auth fields for auth, none for views; <c>created</c> and
/// <c>updated</c> only when sent. A client cannot loosen the system fields' options.
/// </summary>
public abstract class CollectionSystemFieldTests(DatabaseKind kind)
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string[] Names(JsonNode collection) =>
        collection["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Create_BaseWithoutFields_HasOnlyId()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "new", type = "base" }), HttpStatusCode.OK))!;
        Assert.Equal(["id"], Names(created));
        Assert.Equal(
            """{"autogeneratePattern":"[a-z0-9]{15}","help":"","hidden":false,"id":"text3208210256","max":15,"min":15,"name":"id","pattern":"^[a-z0-9]+$","presentable":false,"primaryKey":true,"required":true,"system":true,"type":"text"}""",
            created["fields"]![0]!.ToJsonString(Relaxed));

        var record = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/new/records", new { }), HttpStatusCode.OK))!;
        Assert.Equal(["collectionId", "collectionName", "id"], record.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        var list = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/new/records"), HttpStatusCode.OK))!;
        Assert.Equal(1, list["totalItems"]!.GetValue<long>());
    }

    [Fact]
    public async Task Create_AuthWithoutFields_HasIdAndTheFiveAuthFields()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "members", type = "auth" }), HttpStatusCode.OK))!;
        Assert.Equal(["id", "password", "tokenKey", "email", "emailVisibility", "verified"], Names(created));
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/members/records",
            new { email = "m@example.test", password = "member password", passwordConfirm = "member password" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_WithSentAutodateFields_KeepsThemWhereSent()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts",
            fields = new object[]
            {
                new { name = "created", type = "autodate", onCreate = true },
                new { name = "title", type = "text" },
                new { name = "updated", type = "autodate", onCreate = true, onUpdate = true },
            },
        }), HttpStatusCode.OK))!;
        Assert.Equal(["id", "created", "title", "updated"], Names(created));
        var record = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/posts/records", new { title = "t" }), HttpStatusCode.OK))!;
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$", record["created"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_SentIdField_StaysWhereSentWithItsSystemOptionsEnforced()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "ordered",
            fields = new object[]
            {
                new { name = "title", type = "text" },
                new { name = "id", type = "text", required = false, primaryKey = false, hidden = true, min = 15, max = 15, pattern = "" },
            },
        }), HttpStatusCode.OK))!;
        Assert.Equal(["title", "id"], Names(created));
        var id = created["fields"]![1]!;
        Assert.True(id["primaryKey"]!.GetValue<bool>());
        Assert.True(id["required"]!.GetValue<bool>());
        Assert.True(id["system"]!.GetValue<bool>());
        Assert.False(id["hidden"]!.GetValue<bool>());
        Assert.Equal("^[a-z0-9]+$", id["pattern"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_AuthWithLoosenedTokenKey_GetsTheSystemTokenKeyAndWorks()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "members",
            type = "auth",
            fields = new object[]
            {
                new { type = "text", id = "12345789", name = "test" },
                new { type = "text", name = "tokenKey", system = true, required = false, hidden = false, min = 10, max = 0, autogeneratePattern = "" },
            },
        }), HttpStatusCode.OK))!;
        Assert.Equal(["id", "test", "tokenKey", "password", "email", "emailVisibility", "verified"], Names(created));
        Assert.Equal(
            """{"autogeneratePattern":"[a-zA-Z0-9]{50}","help":"","hidden":true,"id":"text2504183744","max":60,"min":30,"name":"tokenKey","pattern":"","presentable":false,"primaryKey":false,"required":true,"system":true,"type":"text"}""",
            created["fields"]![2]!.ToJsonString(Relaxed));

        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/members/records",
            new { email = "m@example.test", password = "member password", passwordConfirm = "member password" }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/members/auth-with-password",
            new { identity = "m@example.test", password = "member password" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Update_LoosenedTokenKey_IsResetSilently()
    {
        await using var server = await TestServer.StartAsync(kind);
        var users = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/users"), HttpStatusCode.OK))!;
        var fields = users["fields"]!.AsArray().Select(f => f!.DeepClone()).ToArray();
        var tokenKey = fields.Single(f => f!["name"]!.GetValue<string>() == "tokenKey")!.AsObject();
        tokenKey["hidden"] = false;
        tokenKey["required"] = false;
        tokenKey["min"] = 1;
        var updated = (await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new JsonObject { ["fields"] = new JsonArray(fields) }), HttpStatusCode.OK))!;
        var after = updated["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "tokenKey")!;
        Assert.True(after["hidden"]!.GetValue<bool>());
        Assert.True(after["required"]!.GetValue<bool>());
        Assert.Equal(30, after["min"]!.GetValue<int>());
    }

    [Fact]
    public async Task Scaffolds_HaveOnlyTheSystemFields()
    {
        await using var server = await TestServer.StartAsync(kind);
        var scaffolds = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/meta/scaffolds"), HttpStatusCode.OK))!;
        Assert.Equal(["id"], Names(scaffolds["base"]!));
        Assert.Equal(["id", "password", "tokenKey", "email", "emailVisibility", "verified"], Names(scaffolds["auth"]!));
        Assert.Empty(Names(scaffolds["view"]!));
    }
}

public sealed class SqliteCollectionSystemFieldTests() : CollectionSystemFieldTests(DatabaseKind.Sqlite);

public sealed class PostgresCollectionSystemFieldTests() : CollectionSystemFieldTests(DatabaseKind.Postgres);
