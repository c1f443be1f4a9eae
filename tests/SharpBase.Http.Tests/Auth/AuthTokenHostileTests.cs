using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>Forged, altered, expired and revoked tokens all make the caller a guest (401 where auth is required).</summary>
public abstract class AuthTokenHostileTests(DatabaseKind kind)
{
    private const string Refresh = "/api/collections/users/auth-refresh";

    [Fact]
    public async Task ValidToken_RefreshesWithOrWithoutBearer()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        var token = (await SignInAsync(server, "a@example.com"))["token"]!.GetValue<string>();
        foreach (var header in new[] { token, "Bearer " + token, "bearer " + token })
        {
            var body = (await HttpAssert.StatusAsync(await server.Guest.SendAsync(Post(Refresh, header)), HttpStatusCode.OK))!;
            Assert.Equal("a@example.com", body["record"]!["email"]!.GetValue<string>());
            Assert.True(Payload(body["token"]!.GetValue<string>())["refreshable"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task AlgNone_IsRejected()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com");
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = $$"""{"collectionId":"_pb_users_auth_","exp":{{exp}},"id":"{{id}}","refreshable":true,"type":"auth"}""";
        foreach (var header in new[] { """{"alg":"none","typ":"JWT"}""", """{"alg":"None"}""", """{"alg":"HS512","typ":"JWT"}""" })
        {
            await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, Craft(header, payload, null))), 401);
            await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, Craft(header, payload, "anything"))), 401);
        }
    }

    [Fact]
    public async Task TokenSignedWithAnotherCollectionsSecret_IsRejected()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com");
        var user = (await FindUserAsync(server, id))!;
        var superusers = server.Core.Schema.Current.Find("_superusers")!;
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = $$"""{"collectionId":"_pb_users_auth_","exp":{{exp}},"id":"{{id}}","refreshable":true,"type":"auth"}""";
        var header = """{"alg":"HS256","typ":"JWT"}""";

        var forged = Craft(header, payload, user.GetString("tokenKey") + superusers.Auth!.AuthToken.Secret);
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, forged)), 401);

        // The same key with the users secret is accepted: the test forges correctly, only the secret differs.
        var genuine = Craft(header, payload, user.GetString("tokenKey") + user.Collection.Auth!.AuthToken.Secret);
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(Post(Refresh, genuine)), HttpStatusCode.OK);

        // A users verification-token secret does not sign auth tokens either.
        var wrongType = Craft(header, payload, user.GetString("tokenKey") + user.Collection.Auth!.VerificationToken.Secret);
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, wrongType)), 401);
    }

    [Fact]
    public async Task PayloadSwappedUnderValidSignature_IsRejected()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        var other = await InsertUserAsync(server, "b@example.com");
        var token = (await SignInAsync(server, "a@example.com"))["token"]!.GetValue<string>();
        var parts = token.Split('.');
        var payload = Payload(token);
        payload["id"] = other;
        var swapped = parts[0] + "." + B64(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, swapped)), 401);

        payload = Payload(token);
        payload["exp"] = payload["exp"]!.GetValue<long>() + 1_000_000;
        var extended = parts[0] + "." + B64(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, extended)), 401);
    }

    [Fact]
    public async Task ExpiredToken_IsRejected_AndOneWithinTheSkewIsNot()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com");
        var user = (await FindUserAsync(server, id))!;
        var key = user.GetString("tokenKey") + user.Collection.Auth!.AuthToken.Secret;
        string TokenExpiring(long exp) =>
            Craft("""{"alg":"HS256","typ":"JWT"}""", $$"""{"collectionId":"_pb_users_auth_","exp":{{exp}},"id":"{{id}}","refreshable":true,"type":"auth"}""", key);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, TokenExpiring(now - 60))), 401);
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, TokenExpiring(now - 3600 * 24))), 401);
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(Post(Refresh, TokenExpiring(now + 30))), HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeletedUsersToken_IsRejectedAtOnce()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com");
        var signIn = await SignInAsync(server, "a@example.com");
        var users = server.Core.Schema.Current.Find("users")!;
        await server.Core.Database.WriteAsync((session, ct) => server.Core.Records.DeleteAsync(session, users, id, ct), CancellationToken.None);
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, signIn["token"]!.GetValue<string>())), 401);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-refresh-token",
            new { refreshToken = signIn["refreshToken"]!.GetValue<string>() }), 401);
    }

    [Fact]
    public async Task CredentialsChangedHook_KillsEveryTokenAndSession()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com");
        var first = await SignInAsync(server, "a@example.com");
        var second = await SignInAsync(server, "a@example.com");
        var user = (await FindUserAsync(server, id))!;

        // What the records API does on a password or email change.
        var newKey = await server.Core.Database.WriteAsync(async (session, ct) =>
        {
            await server.Core.Records.UpdateAsync(session, user.Collection, id,
                new Dictionary<string, object?> { ["password"] = server.Core.Passwords.Hash("another password 2") }, ct);
            return await server.Core.Auth.OnCredentialsChangedAsync(session, user, ct);
        }, CancellationToken.None);

        Assert.NotEqual(user.GetString("tokenKey"), newKey);
        Assert.Equal(newKey, (await FindUserAsync(server, id))!.GetString("tokenKey"));
        foreach (var signIn in new[] { first, second })
        {
            await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, signIn["token"]!.GetValue<string>())), 401);
            await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-refresh-token",
                new { refreshToken = signIn["refreshToken"]!.GetValue<string>() }), 401);
        }

        Assert.Empty(await server.Core.Auth.Sessions.ListAsync((await FindUserAsync(server, id))!, CancellationToken.None));
        await HttpAssert.StatusAsync(await LoginAsync(server, "a@example.com", "another password 2"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task GarbageAndOversizedHeaders_AreGuests()
    {
        await using var server = await TestServer.StartAsync(kind);
        foreach (var header in new[] { "x", "a.b.c", "Bearer ", new string('a', 5000), "e30.e30.e30", "....." })
        {
            await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post(Refresh, header)), 401);
        }
    }
}

public sealed class SqliteAuthTokenHostileTests() : AuthTokenHostileTests(DatabaseKind.Sqlite);

public sealed class PostgresAuthTokenHostileTests() : AuthTokenHostileTests(DatabaseKind.Postgres);
