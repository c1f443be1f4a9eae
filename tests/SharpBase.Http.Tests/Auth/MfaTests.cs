using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>
/// A collection with <c>mfa.enabled</c> withholds the token after the first method: 401 with only <c>{"mfaId"}</c> and an
/// <c>_mfas</c> row; a different method presenting the id completes, the same method does not (PocketBase's checkMFA, issue 18).
/// </summary>
public abstract class MfaTests(DatabaseKind kind)
{
    private const string Email = "mfa@example.test";

    [Fact]
    public async Task PasswordLogin_WithMfaEnabled_Is401WithOnlyTheMfaId_AndStoresTheMfaRecord()
    {
        await using var server = await TestServer.StartAsync(kind);
        await EnableMfaAsync(server, "users");
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new { authCookies = new { enabled = true, secure = false } }), HttpStatusCode.OK);
        var userId = await InsertUserAsync(server, Email);

        var response = await LoginAsync(server, Email);

        var body = (await HttpAssert.StatusAsync(response, HttpStatusCode.Unauthorized))!.AsObject();
        Assert.Equal(["mfaId"], body.Select(p => p.Key).ToArray());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var mfa = await ViewMfaAsync(server, body["mfaId"]!.GetValue<string>());
        Assert.Equal(UsersId(server), mfa["collectionRef"]!.GetValue<string>());
        Assert.Equal(userId, mfa["recordRef"]!.GetValue<string>());
        Assert.Equal("password", mfa["method"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(mfa["created"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SecondPasswordLogin_WithTheMfaIdOfAPasswordLogin_Is400AndHandsOutNoToken()
    {
        await using var server = await TestServer.StartAsync(kind);
        await EnableMfaAsync(server, "users");
        await InsertUserAsync(server, Email);
        var mfaId = await FirstFactorAsync(server);

        var response = await server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password", new { identity = Email, password = Password, mfaId });

        await HttpAssert.ErrorAsync(response, 400);
        Assert.DoesNotContain("token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MfaIdOfAnotherMethod_CompletesThePasswordLogin_Once()
    {
        await using var server = await TestServer.StartAsync(kind);
        await EnableMfaAsync(server, "users");
        var userId = await InsertUserAsync(server, Email);
        var mfaId = await InsertMfaAsync(server, UsersId(server), userId, "otp");

        var signIn = await RecordsOk(await server.Guest.PostAsJsonAsync($"/api/collections/users/auth-with-password?mfaId={mfaId}", new { identity = Email, password = Password }));

        Assert.Equal(userId, signIn["record"]!["id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(signIn["token"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(signIn["refreshToken"]!.GetValue<string>()));
        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections/_mfas/records/" + mfaId), 404);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password",
            new { identity = Email, password = Password, mfaId }), 400);
    }

    [Fact]
    public async Task MfaId_ExpiredOrOfAnotherRecord_Is400()
    {
        await using var server = await TestServer.StartAsync(kind);
        await EnableMfaAsync(server, "users");
        var userId = await InsertUserAsync(server, Email);
        var otherId = await InsertUserAsync(server, "other@example.test");
        var foreign = await InsertMfaAsync(server, UsersId(server), otherId, "otp");
        var expired = await InsertMfaAsync(server, UsersId(server), userId, "otp");
        var mfas = server.Core.Schema.Current.Find("_mfas")!;
        await server.Core.Database.WriteAsync((session, ct) => server.Core.Records.UpdateAsync(session, mfas, expired,
            new Dictionary<string, object?> { ["created"] = DateTimeOffset.UtcNow.AddHours(-1) }, ct), CancellationToken.None);

        var foreignBody = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password",
            new { identity = Email, password = Password, mfaId = foreign }), 400);
        var expiredResponse = await server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password",
            new { identity = Email, password = Password, mfaId = expired });

        Assert.Empty(foreignBody);
        Assert.Contains("expired", await expiredResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, expiredResponse.StatusCode);
        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections/_mfas/records/" + expired), 404);
    }

    [Fact]
    public async Task MfaRule_NotMatchingTheRecord_SkipsMfa()
    {
        await using var server = await TestServer.StartAsync(kind);
        await EnableMfaAsync(server, "users", rule: "email = 'someone-else@example.test'");
        await InsertUserAsync(server, Email);

        var signIn = await SignInAsync(server, Email);

        Assert.False(string.IsNullOrEmpty(signIn["token"]!.GetValue<string>()));
        var list = await RecordsOk(await server.Superuser.GetAsync("/api/collections/_mfas/records"));
        Assert.Equal(0, list["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task MfaRule_MatchingTheRecord_RequiresTheSecondFactor()
    {
        await using var server = await TestServer.StartAsync(kind);
        await EnableMfaAsync(server, "users", rule: $"email = '{Email}'");
        await InsertUserAsync(server, Email);

        await HttpAssert.StatusAsync(await LoginAsync(server, Email), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SuperuserLogin_WithMfaOnSuperusers_Is401WithMfaId()
    {
        await using var server = await TestServer.StartAsync(kind);
        await EnableMfaAsync(server, "_superusers");

        var response = await LoginAsync(server, TestServer.SuperuserEmail, TestServer.SuperuserPassword, "_superusers");

        var body = (await HttpAssert.StatusAsync(response, HttpStatusCode.Unauthorized))!.AsObject();
        Assert.Equal(["mfaId"], body.Select(p => p.Key).ToArray());
    }

    private static async Task EnableMfaAsync(TestServer server, string collection, string rule = "") =>
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/" + collection,
            new { mfa = new { enabled = true, duration = 600, rule }, otp = new { enabled = true } }), HttpStatusCode.OK);

    private static async Task<string> FirstFactorAsync(TestServer server)
    {
        var body = (await HttpAssert.StatusAsync(await LoginAsync(server, Email), HttpStatusCode.Unauthorized))!;
        return body["mfaId"]!.GetValue<string>();
    }

    private static async Task<string> InsertMfaAsync(TestServer server, string collectionRef, string recordRef, string method)
    {
        var created = await RecordsOk(await server.Superuser.PostAsJsonAsync("/api/collections/_mfas/records", new { collectionRef, recordRef, method }));
        return created["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> ViewMfaAsync(TestServer server, string id) =>
        await RecordsOk(await server.Superuser.GetAsync("/api/collections/_mfas/records/" + id));

    private static string UsersId(TestServer server) => server.Core.Schema.Current.Find("users")!.Id;

    private static async Task<JsonObject> RecordsOk(HttpResponseMessage response) =>
        (await HttpAssert.StatusAsync(response, HttpStatusCode.OK))!.AsObject();
}

public sealed class SqliteMfaTests() : MfaTests(DatabaseKind.Sqlite);

public sealed class PostgresMfaTests() : MfaTests(DatabaseKind.Postgres);
