using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

public abstract class CollectionAccessTests(DatabaseKind kind)
{
    [Fact]
    public async Task Guest_ListCollections_Gets401Envelope()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Guest.GetAsync("/api/collections"), 401);
        Assert.Empty(data);
    }

    [Fact]
    public async Task RegularUser_CreateCollection_Gets403AndNothingChanges()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var user = await server.CreateUserClientAsync("alice@example.com");
        await HttpAssert.ErrorAsync(await user.PostAsJsonAsync("/api/collections", new { name = "posts" }), 403);
        Assert.Null(server.Core.Schema.Current.Find("posts"));
    }

    [Fact]
    public async Task InvalidToken_IsTreatedAsGuest()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", server.SuperuserToken[..^3] + "abc");
        await HttpAssert.ErrorAsync(await client.GetAsync("/api/collections"), 401);
        await HttpAssert.StatusAsync(await client.GetAsync("/api/health"), System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task RawTokenWithoutBearer_IsAccepted()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", server.SuperuserToken);
        await HttpAssert.StatusAsync(await client.GetAsync("/api/collections"), System.Net.HttpStatusCode.OK);
    }
}

public sealed class SqliteCollectionAccessTests() : CollectionAccessTests(DatabaseKind.Sqlite);

public sealed class PostgresCollectionAccessTests() : CollectionAccessTests(DatabaseKind.Postgres);
