using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>An auth record's id is unique across every auth collection (PocketBase's <c>validation_invalid_auth_id</c>), under concurrency too.</summary>
public abstract class AuthRecordIdTests(DatabaseKind kind)
{
    private const string SharedId = "sharedid0000001";

    [Fact]
    public async Task Create_WithTheIdOfARecordInAnotherAuthCollection_Is400InvalidAuthId()
    {
        await using var server = await StartWithMembersAsync();
        await CreateAsync(server, "users", SharedId, "a@example.test", HttpStatusCode.OK);

        var response = await server.Superuser.PostAsJsonAsync("/api/collections/members/records", Body(SharedId, "b@example.test"));

        var data = await HttpAssert.ErrorAsync(response, 400);
        Assert.Equal("validation_invalid_auth_id", data["id"]!["code"]!.GetValue<string>());
        Assert.Equal("Invalid or duplicated auth record id.", data["id"]!["message"]!.GetValue<string>());
        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections/members/records/" + SharedId), 404);
    }

    [Fact]
    public async Task Create_WithTheIdOfABaseRecord_IsAllowed()
    {
        await using var server = await StartWithMembersAsync();
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections",
            new { name = "things", fields = new object[] { new { name = "title", type = "text" } } }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/things/records", new { id = SharedId }), HttpStatusCode.OK);

        await CreateAsync(server, "members", SharedId, "b@example.test", HttpStatusCode.OK);
    }

    [Fact]
    public async Task ParallelCreates_OfOneIdInTwoAuthCollections_StoreExactlyOne()
    {
        await using var server = await StartWithMembersAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => server.Superuser.PostAsJsonAsync(
            $"/api/collections/{(i % 2 == 0 ? "users" : "members")}/records", Body(SharedId, $"p{i}@example.test"))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var found = 0;
        foreach (var collection in new[] { "users", "members" })
        {
            var view = await server.Superuser.GetAsync($"/api/collections/{collection}/records/{SharedId}");
            found += view.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Equal(1, found);
    }

    private async Task<TestServer> StartWithMembersAsync()
    {
        var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "members", type = "auth", createRule = "" }), HttpStatusCode.OK);
        return server;
    }

    private static object Body(string id, string email) => new { id, email, password = Password, passwordConfirm = Password };

    private static async Task CreateAsync(TestServer server, string collection, string id, string email, HttpStatusCode expected) =>
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync($"/api/collections/{collection}/records", Body(id, email)), expected);
}

public sealed class SqliteAuthRecordIdTests() : AuthRecordIdTests(DatabaseKind.Sqlite);

public sealed class PostgresAuthRecordIdTests() : AuthRecordIdTests(DatabaseKind.Postgres);
