using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

/// <summary>
/// Truncate deletes record by record as PocketBase's does, so relations pointing at the records cascade, are cleared, or
/// (when required and not cascading) refuse the whole truncate with nothing deleted.
/// </summary>
public abstract class TruncateTests(DatabaseKind kind)
{
    private const string AuthorId = "aaaaaaaaaaaaaaa";

    [Fact]
    public async Task Truncate_ReferencedByRequiredRelation_Gets400_AndDeletesNothing()
    {
        await using var server = await StartWithReferenceAsync(required: true, cascadeDelete: false);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.DeleteAsync("/api/collections/authors/truncate"), 400);
        Assert.Empty(data);
        Assert.Equal(2, await CollectionCrudTests.CountAsync(server, "authors"));
        Assert.Equal(1, await CollectionCrudTests.CountAsync(server, "books"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Truncate_ReferencedByCascadeRelation_DeletesTheReferencingRecordsToo(bool required)
    {
        await using var server = await StartWithReferenceAsync(required, cascadeDelete: true);
        await HttpAssert.StatusAsync(await server.Superuser.DeleteAsync("/api/collections/authors/truncate"), HttpStatusCode.NoContent);
        Assert.Equal(0, await CollectionCrudTests.CountAsync(server, "authors"));
        Assert.Equal(0, await CollectionCrudTests.CountAsync(server, "books"));
    }

    [Fact]
    public async Task Truncate_ReferencedByOptionalRelation_ClearsTheReference()
    {
        await using var server = await StartWithReferenceAsync(required: false, cascadeDelete: false);
        await HttpAssert.StatusAsync(await server.Superuser.DeleteAsync("/api/collections/authors/truncate"), HttpStatusCode.NoContent);
        Assert.Equal(0, await CollectionCrudTests.CountAsync(server, "authors"));
        var books = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/books/records"), HttpStatusCode.OK))!;
        Assert.Equal("", books["items"]![0]!["author"]!.GetValue<string>());
    }

    private async Task<TestServer> StartWithReferenceAsync(bool required, bool cascadeDelete)
    {
        var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            id = "pbc_authors", name = "authors", fields = new object[] { new { name = "name", type = "text" } },
        }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "books",
            fields = new object[] { new { name = "author", type = "relation", collectionId = "pbc_authors", maxSelect = 1, required, cascadeDelete } },
        }), HttpStatusCode.OK);
        await CollectionCrudTests.InsertAsync(server, "authors", new() { ["id"] = AuthorId, ["name"] = "referenced" });
        await CollectionCrudTests.InsertAsync(server, "authors", new() { ["name"] = "unreferenced" });
        await CollectionCrudTests.InsertAsync(server, "books", new() { ["author"] = AuthorId });
        return server;
    }
}

public sealed class SqliteTruncateTests() : TruncateTests(DatabaseKind.Sqlite);

public sealed class PostgresTruncateTests() : TruncateTests(DatabaseKind.Postgres);
