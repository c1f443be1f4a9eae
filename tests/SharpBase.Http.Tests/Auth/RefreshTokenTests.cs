using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>Rotating refresh tokens, reuse detection and the sessions API.</summary>
public abstract class RefreshTokenTests(DatabaseKind kind)
{
    private const string Redeem = "/api/collections/users/auth-refresh-token";

    [Fact]
    public async Task RefreshToken_RotatesAndIsStoredOnlyAsAHash()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com");
        var signIn = await SignInAsync(server, "a@example.com");
        var first = signIn["refreshToken"]!.GetValue<string>();
        Assert.StartsWith("sbr_", first, StringComparison.Ordinal);

        var body = (await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync(Redeem, new { refreshToken = first }), HttpStatusCode.OK))!;
        var second = body["refreshToken"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        Assert.Equal(id, body["record"]!["id"]!.GetValue<string>());
        Assert.Equal("a@example.com", body["record"]!["email"]!.GetValue<string>());
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", body["token"]!.GetValue<string>())), HttpStatusCode.OK);

        var stored = await server.Core.Database.ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command("SELECT hash FROM \"_authTokens\"");
            var hashes = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                hashes.Add(reader.GetString(0));
            }

            return hashes;
        }, CancellationToken.None);
        Assert.DoesNotContain(first, stored);
        Assert.Contains(SharpBase.Core.Auth.SecretHash.Of(first), stored);

        // A refresh token is bound to its collection.
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/_superusers/auth-refresh-token", new { refreshToken = second }), 401);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync(Redeem, new { refreshToken = "sbr_nope" }), 401);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync(Redeem, new { }), 401);
    }

    [Fact]
    public async Task ReusedRefreshToken_RevokesTheWholeFamily()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        var signIn = await SignInAsync(server, "a@example.com");
        var stolen = signIn["refreshToken"]!.GetValue<string>();
        var rotated = (await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync(Redeem, new { refreshToken = stolen }), HttpStatusCode.OK))!;

        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync(Redeem, new { refreshToken = stolen }), 401);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync(Redeem, new { refreshToken = rotated["refreshToken"]!.GetValue<string>() }), 401);

        // Access tokens of the family die with it.
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", rotated["token"]!.GetValue<string>())), 401);
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", signIn["token"]!.GetValue<string>())), 401);

        // Another sign-in is a separate family and still works.
        await HttpAssert.StatusAsync(await LoginAsync(server, "a@example.com"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwentyParallelRedemptions_SucceedAtMostOnce()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        var token = (await SignInAsync(server, "a@example.com"))["refreshToken"]!.GetValue<string>();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => server.Guest.PostAsJsonAsync(Redeem, new { refreshToken = token })));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
    }

    [Fact]
    public async Task Sessions_ListRevokeAndLogOutEverywhere()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        await InsertUserAsync(server, "b@example.com");
        var laptop = await SignInAsync(server, "a@example.com");
        var phone = await SignInAsync(server, "a@example.com");
        var other = await SignInAsync(server, "b@example.com");
        var laptopToken = laptop["token"]!.GetValue<string>();
        var phoneToken = phone["token"]!.GetValue<string>();

        await HttpAssert.ErrorAsync(await server.Guest.GetAsync("/api/collections/users/sessions"), 401);
        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections/users/sessions"), 403);
        var list = (await HttpAssert.StatusAsync(await server.Guest.SendAsync(Request(HttpMethod.Get, "/api/collections/users/sessions", laptopToken)), HttpStatusCode.OK))!;
        var items = list["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Single(items, i => i!["current"]!.GetValue<bool>());
        Assert.All(items, i => Assert.Equal("127.0.0.1", i!["ip"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$", i!["created"]!.GetValue<string>()));
        var phoneSession = Payload(phoneToken)["sid"]!.GetValue<string>();

        // Another user's session cannot be revoked by id.
        var otherSession = Payload(other["token"]!.GetValue<string>())["sid"]!.GetValue<string>();
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Request(HttpMethod.Delete, $"/api/collections/users/sessions/{otherSession}", laptopToken)), 404);

        await HttpAssert.StatusAsync(await server.Guest.SendAsync(Request(HttpMethod.Delete, $"/api/collections/users/sessions/{phoneSession}", laptopToken)), HttpStatusCode.NoContent);
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", phoneToken)), 401);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync(Redeem, new { refreshToken = phone["refreshToken"]!.GetValue<string>() }), 401);
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", laptopToken)), HttpStatusCode.OK);

        await HttpAssert.StatusAsync(await server.Guest.SendAsync(Request(HttpMethod.Delete, "/api/collections/users/sessions", laptopToken)), HttpStatusCode.NoContent);
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", laptopToken)), 401);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync(Redeem, new { refreshToken = laptop["refreshToken"]!.GetValue<string>() }), 401);

        // The other user is untouched.
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", other["token"]!.GetValue<string>())), HttpStatusCode.OK);
    }
}

public sealed class SqliteRefreshTokenTests() : RefreshTokenTests(DatabaseKind.Sqlite);

public sealed class PostgresRefreshTokenTests() : RefreshTokenTests(DatabaseKind.Postgres);
