using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>
/// The auth routes on a base collection answer as PocketBase's scenario tables say (404 for most, but 401/403 first where
/// the route needs the caller's own collection), and every auth response expands the record as the records API does.
/// </summary>
public abstract class AuthRoutesOnBaseCollectionTests(DatabaseKind kind)
{
    public static TheoryData<string> NotFoundRoutes => new()
    {
        "auth-with-password", "request-password-reset", "confirm-password-reset", "request-verification", "confirm-verification",
        "confirm-email-change", "auth-refresh-token",
    };

    [Theory]
    [MemberData(nameof(NotFoundRoutes))]
    public async Task Route_OnABaseCollection_Is404(string route)
    {
        await using var server = await StartWithDemoAsync();

        var data = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/demo1/" + route,
            new { identity = "a@example.test", password = Password, email = "a@example.test", token = "x", refreshToken = "x" }), 404);

        Assert.Empty(data);
        await HttpAssert.ErrorAsync(await server.Guest.GetAsync("/api/collections/demo1/auth-methods"), 404);
    }

    [Theory]
    [InlineData("auth-refresh")]
    [InlineData("request-email-change")]
    public async Task CallerCollectionRoute_OnABaseCollection_Is401ForGuests_And403ForRecords(string route)
    {
        await using var server = await StartWithDemoAsync();
        using var user = await server.CreateUserClientAsync("u@example.test");

        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync($"/api/collections/demo1/{route}", new { newEmail = "n@example.test" }), 401);
        await HttpAssert.ErrorAsync(await user.PostAsJsonAsync($"/api/collections/demo1/{route}", new { newEmail = "n@example.test" }), 403);
        await HttpAssert.ErrorAsync(await user.PostAsJsonAsync($"/api/collections/missing/{route}", new { newEmail = "n@example.test" }), 403);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync($"/api/collections/missing/{route}", new { newEmail = "n@example.test" }), 401);
    }

    [Fact]
    public async Task Impersonate_OnABaseCollection_Is401ThenForbiddenThenNotFound()
    {
        await using var server = await StartWithDemoAsync();
        using var user = await server.CreateUserClientAsync("u@example.test");

        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/demo1/impersonate/abc", new { }), 401);
        await HttpAssert.ErrorAsync(await user.PostAsJsonAsync("/api/collections/demo1/impersonate/abc", new { }), 403);
        await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections/demo1/impersonate/abc", new { }), 404);
    }

    [Fact]
    public async Task AuthRefreshAndPasswordLogin_WithExpand_ExpandTheRecord()
    {
        await using var server = await StartWithDemoAsync();
        var teamId = await AddTeamAsync(server);
        var userId = await InsertUserAsync(server, "u@example.test");
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users/records/" + userId, new { team = teamId }), HttpStatusCode.OK);
        var signIn = (await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password?expand=team",
            new { identity = "u@example.test", password = Password }), HttpStatusCode.OK))!;

        var refreshed = (await HttpAssert.StatusAsync(await server.Guest.SendAsync(
            Post("/api/collections/users/auth-refresh?expand=team,missing", signIn["token"]!.GetValue<string>())), HttpStatusCode.OK))!;

        Assert.Equal(teamId, signIn["record"]!["expand"]!["team"]!["id"]!.GetValue<string>());
        var expand = refreshed["record"]!["expand"]!.AsObject();
        Assert.Equal(teamId, expand["team"]!["id"]!.GetValue<string>());
        Assert.False(expand.ContainsKey("missing"));
    }

    private async Task<TestServer> StartWithDemoAsync()
    {
        var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections",
            new { name = "demo1", listRule = "", viewRule = "", fields = new object[] { new { name = "title", type = "text" } } }), HttpStatusCode.OK);
        return server;
    }

    private static async Task<string> AddTeamAsync(TestServer server)
    {
        var demo = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/demo1"), HttpStatusCode.OK))!;
        var users = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/users"), HttpStatusCode.OK))!.AsObject();
        users["fields"]!.AsArray().Add(new JsonObject { ["name"] = "team", ["type"] = "relation", ["collectionId"] = demo["id"]!.GetValue<string>(), ["maxSelect"] = 1 });
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new JsonObject { ["fields"] = users["fields"]!.DeepClone() }),
            HttpStatusCode.OK);
        var team = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/demo1/records", new { title = "t" }), HttpStatusCode.OK))!;
        return team["id"]!.GetValue<string>();
    }
}

public sealed class SqliteAuthRoutesOnBaseCollectionTests() : AuthRoutesOnBaseCollectionTests(DatabaseKind.Sqlite);

public sealed class PostgresAuthRoutesOnBaseCollectionTests() : AuthRoutesOnBaseCollectionTests(DatabaseKind.Postgres);
