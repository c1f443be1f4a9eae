using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

public abstract class CollectionListTests(DatabaseKind kind)
{
    private static async Task SeedAsync(TestServer server)
    {
        foreach (var name in new[] { "posts", "comments", "tags" })
        {
            await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name }), HttpStatusCode.OK);
        }

        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "members", type = "auth" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_ReturnsEnvelopeWithSystemCollections()
    {
        await using var server = await TestServer.StartAsync(kind);
        var list = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections"), HttpStatusCode.OK))!;
        Assert.Equal(1, list["page"]!.GetValue<int>());
        Assert.Equal(30, list["perPage"]!.GetValue<int>());
        Assert.Equal(6, list["totalItems"]!.GetValue<long>());
        Assert.Equal(1, list["totalPages"]!.GetValue<long>());
        var names = list["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["_authOrigins", "_externalAuths", "_mfas", "_otps", "_superusers", "users"], names);
        var superusers = list["items"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "_superusers")!;
        Assert.Equal("pbc_3142635823", superusers["id"]!.GetValue<string>());
        Assert.True(superusers["system"]!.GetValue<bool>());
    }

    [Fact]
    public async Task List_FiltersByNameAndType_SortsAndPages()
    {
        await using var server = await TestServer.StartAsync(kind);
        await SeedAsync(server);
        var auth = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections?filter=" + Uri.EscapeDataString("type = 'auth' && system = false") + "&sort=name"), HttpStatusCode.OK))!;
        Assert.Equal(["members", "users"], auth["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToArray());

        var contains = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections?filter=" + Uri.EscapeDataString("name ~ 'ST' || name = \"tags\"") + "&sort=-name"), HttpStatusCode.OK))!;
        Assert.Equal(["tags", "posts"], contains["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToArray());

        var page = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections?filter=system%3Dfalse&sort=name&perPage=2&page=2&skipTotal=1"), HttpStatusCode.OK))!;
        Assert.Equal(2, page["perPage"]!.GetValue<int>());
        Assert.Equal(-1, page["totalItems"]!.GetValue<long>());
        Assert.Equal(-1, page["totalPages"]!.GetValue<long>());
        Assert.Equal(["posts", "tags"], page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task List_FilterIsTheFilterLanguage()
    {
        // The same grammar as record filters (PocketBase runs the list through its search provider): comparisons,
        // LIKE wildcards, ?= forms, macros and comments. A hand-written parser refused these with 400.
        await using var server = await TestServer.StartAsync(kind);
        await SeedAsync(server);
        const string filter = "created >= '2000-01-01' && created <= @now && name ~ 'p%s' // posts only\n && system != true && type ?= 'base'";
        var list = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections?filter=" + Uri.EscapeDataString(filter)), HttpStatusCode.OK))!;
        Assert.Equal(["posts"], list["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task List_PerPageIsClampedAt1000()
    {
        await using var server = await TestServer.StartAsync(kind);
        var list = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections?perPage=5000"), HttpStatusCode.OK))!;
        Assert.Equal(1000, list["perPage"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("name = ")]
    [InlineData("password = 'x'")]
    [InlineData("(name = 'a'")]
    [InlineData("name == 'a'")]
    [InlineData("name = 'unterminated")]
    public async Task List_MalformedOrForbiddenFilter_Gets400(string filter)
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections?filter=" + Uri.EscapeDataString(filter)), 400);
        Assert.Empty(data);
    }

    [Fact]
    public async Task List_DeeplyNestedFilter_Gets400()
    {
        await using var server = await TestServer.StartAsync(kind);
        var filter = new string('(', 600) + "name = 'a'" + new string(')', 600);
        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections?filter=" + Uri.EscapeDataString(filter)), 400);
    }

    [Fact]
    public async Task List_UnknownSortField_Gets400()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections?sort=-secret"), 400);
    }
}

public sealed class SqliteCollectionListTests() : CollectionListTests(DatabaseKind.Sqlite);

public sealed class PostgresCollectionListTests() : CollectionListTests(DatabaseKind.Postgres);
