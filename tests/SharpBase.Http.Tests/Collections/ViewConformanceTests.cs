using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

/// <summary>View collections as PocketBase's: fields come from the query alone, a bad query is a <c>viewQuery</c> error, ids are text.</summary>
public abstract class ViewConformanceTests(DatabaseKind kind)
{
    [Theory]
    [InlineData("SELECT 1 AS id, 'x' AS label")]
    [InlineData("SELECT (ROW_NUMBER() OVER()) AS id, title AS label FROM posts")]
    [InlineData("SELECT 1.5 + 0.5 AS id, 'x' AS label")]
    public async Task NumericId_IsText_AndResolvesAsARecordId(string query)
    {
        await using var server = await StartWithPostsAsync();
        var view = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "numeric_id_view", type = "view", viewQuery = query, listRule = "", viewRule = "",
        }), HttpStatusCode.OK))!;
        Assert.Equal(["id", "label"], view["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal("text", view["fields"]![0]!["type"]!.GetValue<string>());

        var list = (await HttpAssert.StatusAsync(await server.Guest.GetAsync("/api/collections/numeric_id_view/records"), HttpStatusCode.OK))!;
        var id = list["items"]![0]!["id"]!.GetValue<string>();
        var record = (await HttpAssert.StatusAsync(await server.Guest.GetAsync($"/api/collections/numeric_id_view/records/{id}"), HttpStatusCode.OK))!;
        Assert.Equal(id, record["id"]!.GetValue<string>());
        Assert.Equal("x", record["label"]!.GetValue<string>());
        var filtered = (await HttpAssert.StatusAsync(await server.Guest.GetAsync($"/api/collections/numeric_id_view/records?filter=(id='{id}')"), HttpStatusCode.OK))!;
        Assert.Equal(1, filtered["totalItems"]!.GetValue<int>());
        await HttpAssert.ErrorAsync(await server.Guest.GetAsync("/api/collections/numeric_id_view/records/999"), 404);
    }

    [Fact]
    public async Task ClientFields_TheQueryDoesNotProduce_AreIgnored_OnCreateAndUpdate()
    {
        await using var server = await StartWithPostsAsync();
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "titles", type = "view", viewQuery = "SELECT id, title FROM posts",
            fields = new object[] { new { name = "ghost", type = "text" }, new { name = "title", type = "number" } },
        }), HttpStatusCode.OK))!;
        Assert.Equal(["id:text", "title:text"], created["fields"]!.AsArray().Select(f => $"{f!["name"]}:{f["type"]}"));

        var updated = (await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/titles", new
        {
            fields = new object[] { new { name = "other", type = "bool" } },
        }), HttpStatusCode.OK))!;
        Assert.Equal(["id:text", "title:text"], updated["fields"]!.AsArray().Select(f => $"{f!["name"]}:{f["type"]}"));
    }

    [Theory]
    [InlineData("SELECT id, nothing FROM posts")]
    [InlineData("SELECT id FROM no_such_table")]
    [InlineData("SELECT id, FROM posts")]
    public async Task BadQuery_IsAFieldErrorOnViewQuery(string query)
    {
        await using var server = await StartWithPostsAsync();
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "broken", type = "view", viewQuery = query }), 400);
        Assert.Equal(["viewQuery"], data.Select(p => p.Key));
        Assert.Equal("validation_invalid_view_query", data["viewQuery"]!["code"]!.GetValue<string>());

        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "fine", type = "view", viewQuery = "SELECT id FROM posts" }), HttpStatusCode.OK);
        data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/fine", new JsonObject { ["viewQuery"] = query }), 400);
        Assert.Equal("validation_invalid_view_query", data["viewQuery"]!["code"]!.GetValue<string>());
        Assert.Equal("SELECT id FROM posts", server.Core.Schema.Current.Find("fine")!.ViewQuery);
    }

    private async Task<TestServer> StartWithPostsAsync()
    {
        var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts", fields = new object[] { new { name = "title", type = "text" } },
        }), HttpStatusCode.OK);
        await CollectionCrudTests.InsertAsync(server, "posts", new() { ["title"] = "x" });
        return server;
    }
}

public sealed class SqliteViewConformanceTests() : ViewConformanceTests(DatabaseKind.Sqlite);

public sealed class PostgresViewConformanceTests() : ViewConformanceTests(DatabaseKind.Postgres);
