using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>auth-refresh, auth-methods, impersonate, the authRule, identity fields and token lifetimes.</summary>
public abstract class AuthEndpointsTests(DatabaseKind kind)
{
    [Fact]
    public async Task AuthRefresh_NeedsATokenOfTheSameCollection()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/users/auth-refresh", null), 401);
        await HttpAssert.ErrorAsync(await server.Superuser.PostAsync("/api/collections/users/auth-refresh", null), 403);
        // PocketBase checks the caller's collection before looking the route's up, so a missing one is 403 too.
        await HttpAssert.ErrorAsync(await server.Superuser.PostAsync("/api/collections/nope/auth-refresh", null), 403);
        var body = (await HttpAssert.StatusAsync(await server.Superuser.PostAsync("/api/collections/_superusers/auth-refresh", null), HttpStatusCode.OK))!;
        Assert.Equal(TestServer.SuperuserEmail, body["record"]!["email"]!.GetValue<string>());
        Assert.Equal("pbc_3142635823", Payload(body["token"]!.GetValue<string>())["collectionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AuthMethods_HasPocketBaseShape()
    {
        await using var server = await TestServer.StartAsync(kind);
        var body = (await HttpAssert.StatusAsync(await server.Guest.GetAsync("/api/collections/users/auth-methods"), HttpStatusCode.OK))!;
        Assert.True(body["password"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("[\"email\"]", body["password"]!["identityFields"]!.ToJsonString());
        Assert.False(body["oauth2"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("[]", body["oauth2"]!["providers"]!.ToJsonString());
        Assert.False(body["mfa"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(0, body["mfa"]!["duration"]!.GetValue<long>());
        Assert.Equal(0, body["otp"]!["duration"]!.GetValue<long>());
        Assert.True(body["emailPassword"]!.GetValue<bool>());

        var sdk = (await HttpAssert.StatusAsync(await server.Guest.GetAsync("/api/collections/users/auth-methods?fields=mfa,otp,password,oauth2"), HttpStatusCode.OK))!;
        Assert.Equal(["mfa", "oauth2", "otp", "password"], sdk.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        await HttpAssert.ErrorAsync(await server.Guest.GetAsync("/api/collections/nope/auth-methods"), 404);
    }

    [Fact]
    public async Task Impersonate_SuperusersOnly_NonRefreshable_WithDuration()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com");
        var user = await server.CreateUserClientAsync("b@example.com");
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync($"/api/collections/users/impersonate/{id}", new { }), 401);
        await HttpAssert.ErrorAsync(await user.PostAsJsonAsync($"/api/collections/users/impersonate/{id}", new { }), 403);
        await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections/users/impersonate/missing", new { }), 404);
        await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync($"/api/collections/users/impersonate/{id}", new { duration = -1 }), 400);

        var body = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync($"/api/collections/users/impersonate/{id}", new { duration = 60 }),
            HttpStatusCode.OK))!;
        var token = body["token"]!.GetValue<string>();
        var payload = Payload(token);
        Assert.False(payload["refreshable"]!.GetValue<bool>());
        Assert.InRange(payload["exp"]!.GetValue<long>() - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 50, 61);
        Assert.Equal("a@example.com", body["record"]!["email"]!.GetValue<string>());
        Assert.Null(body["refreshToken"]);

        // auth-refresh with an impersonation token gives the same token back.
        var refreshed = (await HttpAssert.StatusAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", token)), HttpStatusCode.OK))!;
        Assert.Equal(token, refreshed["token"]!.GetValue<string>());

        var defaultDuration = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync($"/api/collections/users/impersonate/{id}", new { }),
            HttpStatusCode.OK))!;
        Assert.InRange(Payload(defaultDuration["token"]!.GetValue<string>())["exp"]!.GetValue<long>() - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 431000, 432001);
    }

    [Fact]
    public async Task AuthRule_IsCheckedBeforeEveryAuthResponse()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com");
        var signIn = await SignInAsync(server, "a@example.com");
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new JsonObject { ["authRule"] = null }), HttpStatusCode.OK);

        const string message = "The request doesn't satisfy the collection requirements to authenticate.";
        async Task Denied(HttpResponseMessage response)
        {
            await HttpAssert.ErrorAsync(response, 403);
        }

        var login = await LoginAsync(server, "a@example.com");
        Assert.Contains(message, await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Denied(login);
        await Denied(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", signIn["token"]!.GetValue<string>())));
        await Denied(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-refresh-token", new { refreshToken = signIn["refreshToken"]!.GetValue<string>() }));

        // Superusers may still impersonate, as in PocketBase.
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync($"/api/collections/users/impersonate/{id}", new { }), HttpStatusCode.OK);

        // An expression is evaluated against the record being signed in.
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new { authRule = "email = 'someone.else@example.com'" }), HttpStatusCode.OK);
        await Denied(await LoginAsync(server, "a@example.com"));
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new { authRule = "email = 'a@example.com' && id != ''" }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await LoginAsync(server, "a@example.com"), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new { authRule = "" }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await LoginAsync(server, "a@example.com"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokenLifetime_IsPerCollection()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new { authToken = new { duration = 120 } }), HttpStatusCode.OK);
        var token = (await SignInAsync(server, "a@example.com"))["token"]!.GetValue<string>();
        Assert.InRange(Payload(token)["exp"]!.GetValue<long>() - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 110, 121);
        var superuser = Payload(server.SuperuserToken)["exp"]!.GetValue<long>() - DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(superuser, 86000, 86401);
    }

    [Fact]
    public async Task IdentityField_AndValidation()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        var data = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password",
            new { identity = "a@example.com", password = AuthTestKit.Password, identityField = "name" }), 400);
        Assert.Equal("validation_in_invalid", data["identityField"]!["code"]!.GetValue<string>());
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password",
            new { identity = "a@example.com", password = AuthTestKit.Password, identityField = "email" }), HttpStatusCode.OK);

        data = await HttpAssert.ErrorAsync(await LoginAsync(server, new string('a', 256)), 400);
        Assert.Equal("validation_length_out_of_range", data["identity"]!["code"]!.GetValue<string>());

        // A non-email identity never reaches the email lookup and fails like any unknown identity.
        var failed = await HttpAssert.ErrorAsync(await LoginAsync(server, "not-an-email"), 400);
        Assert.Empty(failed);
    }

    [Fact]
    public async Task HugePassword_IsRefusedFast_BeforeHashing()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var data = await HttpAssert.ErrorAsync(await LoginAsync(server, "a@example.com", new string('x', 10 * 1024 * 1024)), 400);
        Assert.Equal("validation_length_out_of_range", data["password"]!["code"]!.GetValue<string>());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }
}

public sealed class SqliteAuthEndpointsTests() : AuthEndpointsTests(DatabaseKind.Sqlite);

public sealed class PostgresAuthEndpointsTests() : AuthEndpointsTests(DatabaseKind.Postgres);
