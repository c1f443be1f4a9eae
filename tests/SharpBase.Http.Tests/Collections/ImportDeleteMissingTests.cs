using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

/// <summary>
/// <c>PUT /api/collections/import</c> replayed from PocketBase's import scenarios: unlisted collections are deleted first
/// (whatever references or views they have), views are saved after tables, and what remains is validated as a whole.
/// </summary>
public abstract class ImportDeleteMissingTests(DatabaseKind kind)
{
    [Fact]
    public async Task DeleteMissing_CreatesUpdatesAndDeletes_EvenCollectionsOthersReference()
    {
        await using var server = await StartWithSchemaAsync();
        var response = await server.Superuser.PutAsJsonAsync("/api/collections/import", new
        {
            deleteMissing = true,
            collections = new object[]
            {
                new { name = "test123" },
                new { id = "pbc_authors", name = "authors", fields = new object[] { new { name = "title", type = "text", required = true } }, indexes = Array.Empty<string>() },
            },
        });
        await HttpAssert.StatusAsync(response, HttpStatusCode.NoContent);

        var schema = server.Core.Schema.Current;
        Assert.Equal(["_authOrigins", "_externalAuths", "_mfas", "_otps", "_superusers", "authors", "test123"], schema.Collections.Select(c => c.Name).Order(StringComparer.Ordinal));
        var authors = schema.Find("authors")!;
        // As PocketBase's import does, the kept system fields are appended after the listed ones.
        Assert.Equal(["title", "id"], authors.Fields.Select(f => f.Name));
        Assert.Equal(1, await CollectionCrudTests.CountAsync(server, "authors"));
        foreach (var gone in new[] { "books", "book_titles", "members" })
        {
            var exists = await server.Core.Database.ReadAsync((s, ct) => SharpBase.Storage.Catalog.TableIntrospection.TableExistsAsync(s, gone, ct), CancellationToken.None);
            Assert.False(exists, gone);
        }
    }

    [Fact]
    public async Task DeleteMissing_KeptCollectionLosesAFieldAnUnlistedViewReads()
    {
        await using var server = await StartWithSchemaAsync();
        var response = await server.Superuser.PutAsJsonAsync("/api/collections/import", new
        {
            deleteMissing = true,
            collections = new object[]
            {
                new { id = "pbc_authors", name = "authors", fields = new object[] { new { name = "name", type = "text" } } },
                new { name = "books", fields = new object[] { new { name = "title", type = "text" } } },
            },
        });
        await HttpAssert.StatusAsync(response, HttpStatusCode.NoContent);
        var schema = server.Core.Schema.Current;
        Assert.Null(schema.Find("book_titles"));
        Assert.Equal(["title", "id"], schema.Find("books")!.Fields.Select(f => f.Name));
        Assert.Equal(1, await CollectionCrudTests.CountAsync(server, "books"));
    }

    [Fact]
    public async Task DeleteMissing_KeptCollectionStillReferencingADeletedOne_Gets400_AndChangesNothing()
    {
        await using var server = await StartWithSchemaAsync();
        var before = server.Core.Schema.Current.Collections.Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();
        var books = (await server.Superuser.GetFromJsonAsync<JsonObject>("/api/collections/books"))!;
        var response = await server.Superuser.PutAsJsonAsync("/api/collections/import", new JsonObject
        {
            ["deleteMissing"] = true,
            ["collections"] = new JsonArray(books),
        });
        var data = await HttpAssert.ErrorAsync(response, 400);
        Assert.NotNull(data["collections"]);
        Assert.Equal(before, server.Core.Schema.Current.Collections.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1, await CollectionCrudTests.CountAsync(server, "authors"));
    }

    [Fact]
    public async Task Import_ViewListedBeforeTheTableItReads_IsSavedAfterIt()
    {
        await using var server = await TestServer.StartAsync(kind);
        var response = await server.Superuser.PutAsJsonAsync("/api/collections/import", new
        {
            collections = new object[]
            {
                new { name = "note_texts", type = "view", viewQuery = "SELECT id, text FROM notes" },
                new { name = "notes", fields = new object[] { new { name = "text", type = "text" } } },
            },
        });
        await HttpAssert.StatusAsync(response, HttpStatusCode.NoContent);
        Assert.Equal(["id", "text"], server.Core.Schema.Current.Find("note_texts")!.Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task Import_WithoutDeleteMissing_MergesOntoTheExistingCollection_KeepingUnlistedFields()
    {
        await using var server = await StartWithSchemaAsync();
        var response = await server.Superuser.PutAsJsonAsync("/api/collections/import", new
        {
            collections = new object[] { new { id = "pbc_authors", name = "authors", listRule = "" } },
        });
        await HttpAssert.StatusAsync(response, HttpStatusCode.NoContent);
        var authors = server.Core.Schema.Current.Find("authors")!;
        Assert.Equal("", authors.ListRule);
        Assert.Contains(authors.Fields, f => f.Name == "name");
        Assert.Equal(1, await CollectionCrudTests.CountAsync(server, "authors"));
        Assert.NotNull(server.Core.Schema.Current.Find("books"));
    }

    /// <summary>authors ← books (required relation) ← book_titles (view), an auth collection with a record, and data in each table.</summary>
    private async Task<TestServer> StartWithSchemaAsync()
    {
        var server = await TestServer.StartAsync(kind);
        async Task CreateAsync(object body) =>
            await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", body), HttpStatusCode.OK);

        await CreateAsync(new { id = "pbc_authors", name = "authors", fields = new object[] { new { name = "name", type = "text" } } });
        await CreateAsync(new
        {
            name = "books",
            fields = new object[]
            {
                new { name = "title", type = "text" },
                new { name = "author", type = "relation", collectionId = "pbc_authors", maxSelect = 1, required = true },
            },
        });
        await CreateAsync(new { name = "book_titles", type = "view", viewQuery = "SELECT id, title, author FROM books" });
        await CreateAsync(new { name = "members", type = "auth" });
        await CollectionCrudTests.InsertAsync(server, "authors", new() { ["id"] = "aaaaaaaaaaaaaaa", ["name"] = "Ann" });
        await CollectionCrudTests.InsertAsync(server, "books", new() { ["title"] = "One", ["author"] = "aaaaaaaaaaaaaaa" });
        await CollectionCrudTests.InsertAsync(server, "members", new() { ["email"] = "m@example.test", ["password"] = "x", ["tokenKey"] = new string('k', 50) });
        return server;
    }
}

public sealed class SqliteImportDeleteMissingTests() : ImportDeleteMissingTests(DatabaseKind.Sqlite);

public sealed class PostgresImportDeleteMissingTests() : ImportDeleteMissingTests(DatabaseKind.Postgres);
