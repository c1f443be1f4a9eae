using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

public abstract class ViewAndImportTests(DatabaseKind kind)
{
    [Fact]
    public async Task ViewCollection_InfersFieldsFromItsSelect_AndReadsRows()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts",
            fields = new object[] { new { name = "title", type = "text" }, new { name = "views", type = "number" }, new { name = "published", type = "bool" } },
        }), HttpStatusCode.OK);
        await CollectionCrudTests.InsertAsync(server, "posts", new() { ["title"] = "a", ["views"] = 3d, ["published"] = true });
        await CollectionCrudTests.InsertAsync(server, "posts", new() { ["title"] = "b", ["views"] = 5d, ["published"] = false });

        var view = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "popular",
            type = "view",
            viewQuery = "SELECT id, title, views FROM posts WHERE views > 4",
            listRule = "",
        }), HttpStatusCode.OK))!;

        Assert.Equal("view", view["type"]!.GetValue<string>());
        var fields = view["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["type"]!.GetValue<string>());
        Assert.Equal("text", fields["id"]);
        Assert.Equal("text", fields["title"]);
        Assert.Equal("number", fields["views"]);
        Assert.Equal(1, await CollectionCrudTests.CountAsync(server, "popular"));
        await HttpAssert.ErrorAsync(await server.Superuser.DeleteAsync("/api/collections/popular/truncate"), 400);
    }

    [Theory]
    [InlineData("SELECT id FROM posts; DROP TABLE posts")]
    [InlineData("DELETE FROM posts")]
    [InlineData("SELECT title FROM posts")]
    [InlineData("SELECT id, nothing FROM posts")]
    [InlineData("SELECT id, views + 1 FROM posts")]
    public async Task ViewCollection_BadQuery_Gets400AndLeavesNoView(string query)
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "posts", fields = new object[] { new { name = "title", type = "text" } } }), HttpStatusCode.OK);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "broken", type = "view", viewQuery = query }), 400);
        Assert.NotNull(data["viewQuery"]);
        Assert.Null(server.Core.Schema.Current.Find("broken"));
        Assert.Equal(0, await CollectionCrudTests.CountAsync(server, "posts"));
    }

    [Fact]
    public async Task ViewCollection_WriteRules_MustBeNull()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "v", type = "view", viewQuery = "SELECT id FROM users", createRule = "",
        }), 400);
        Assert.Equal("validation_nil_rule", data["createRule"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_CreatesAndUpdatesInOneGo_DeleteMissingRemovesOthers()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "old" }), HttpStatusCode.OK);
        var response = await server.Superuser.PutAsJsonAsync("/api/collections/import", new
        {
            deleteMissing = true,
            collections = new object[]
            {
                new { name = "authors", fields = new object[] { new { name = "name", type = "text" } } },
                new
                {
                    name = "books",
                    fields = new object[] { new { name = "title", type = "text" }, new { name = "author", type = "relation", collectionId = "pbc_authors", maxSelect = 1 } },
                },
            },
        });
        var data = await HttpAssert.ErrorAsync(response, 400);
        Assert.NotNull(data["collections"]);
        Assert.NotNull(server.Core.Schema.Current.Find("old"));

        var ok = await server.Superuser.PutAsJsonAsync("/api/collections/import", new
        {
            deleteMissing = true,
            collections = new object[]
            {
                new { id = "pbc_authors", name = "authors", fields = new object[] { new { name = "name", type = "text" } } },
                new
                {
                    name = "books",
                    fields = new object[] { new { name = "title", type = "text" }, new { name = "author", type = "relation", collectionId = "pbc_authors", maxSelect = 1 } },
                },
            },
        });
        await HttpAssert.StatusAsync(ok, HttpStatusCode.NoContent);
        var schema = server.Core.Schema.Current;
        Assert.NotNull(schema.Find("authors"));
        Assert.NotNull(schema.Find("books"));
        Assert.Null(schema.Find("old"));
        Assert.Null(schema.Find("users"));
        Assert.NotNull(schema.Find("_superusers"));
    }

    [Fact]
    public async Task Import_Empty_Gets400()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PutAsJsonAsync("/api/collections/import", new JsonObject()), 400);
        Assert.Equal("validation_required", data["collections"]!["code"]!.GetValue<string>());
    }
}

public sealed class SqliteViewAndImportTests() : ViewAndImportTests(DatabaseKind.Sqlite);

public sealed class PostgresViewAndImportTests() : ViewAndImportTests(DatabaseKind.Postgres);
