using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Auth;

public abstract class SuperuserAuthTests(DatabaseKind kind)
{
    [Fact]
    public async Task AuthWithPassword_ReturnsJwtAndRecordWithoutSecrets()
    {
        await using var server = await TestServer.StartAsync(kind);
        var body = (await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/_superusers/auth-with-password",
            new { identity = TestServer.SuperuserEmail, password = TestServer.SuperuserPassword }), HttpStatusCode.OK))!;
        var token = body["token"]!.GetValue<string>();
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1]))))!.AsObject();
        Assert.Equal("auth", payload["type"]!.GetValue<string>());
        Assert.Equal("pbc_3142635823", payload["collectionId"]!.GetValue<string>());
        Assert.True(payload["exp"]!.GetValue<long>() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Null(payload["iat"]);

        var record = body["record"]!.AsObject();
        Assert.Equal(TestServer.SuperuserEmail, record["email"]!.GetValue<string>());
        Assert.Equal("_superusers", record["collectionName"]!.GetValue<string>());
        Assert.Equal(payload["id"]!.GetValue<string>(), record["id"]!.GetValue<string>());
        Assert.Null(record["password"]);
        Assert.Null(record["tokenKey"]);
    }

    [Fact]
    public async Task WrongPasswordAndUnknownIdentity_GetTheSame400()
    {
        await using var server = await TestServer.StartAsync(kind);
        var wrong = await server.Guest.PostAsJsonAsync("/api/collections/_superusers/auth-with-password", new { identity = TestServer.SuperuserEmail, password = "nope nope nope" });
        var unknown = await server.Guest.PostAsJsonAsync("/api/collections/_superusers/auth-with-password", new { identity = "who@example.com", password = "nope nope nope" });
        var a = await wrong.Content.ReadAsStringAsync();
        var b = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(a, b);
        Assert.Equal("Failed to authenticate.", JsonNode.Parse(a)!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingFields_Gets400WithRequiredCodes()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/_superusers/auth-with-password", new { }), 400);
        Assert.Equal("validation_required", data["identity"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_required", data["password"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task NonAuthCollection_Gets404()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "plain" }), HttpStatusCode.OK);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/plain/auth-with-password", new { identity = "a", password = "b" }), 404);
    }

    [Fact]
    public async Task PasswordChangeByUpsert_InvalidatesEarlierTokens()
    {
        await using var server = await TestServer.StartAsync(kind);
        await server.Core.Superusers.UpsertAsync(TestServer.SuperuserEmail, "a brand new password", CancellationToken.None);
        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections"), 401);
    }

    [Fact]
    public async Task StoredPassword_IsAnArgon2idHash()
    {
        await using var server = await TestServer.StartAsync(kind);
        var superusers = server.Core.Schema.Current.Find("_superusers")!;
        var row = await server.Core.Records.FindByAsync(superusers, "email", TestServer.SuperuserEmail, CancellationToken.None);
        Assert.StartsWith("$argon2id$", row!.GetString("password"), StringComparison.Ordinal);
        Assert.DoesNotContain(TestServer.SuperuserPassword, row.GetString("password"), StringComparison.Ordinal);
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - (text.Length % 4)) % 4);
    }
}

public sealed class SqliteSuperuserAuthTests() : SuperuserAuthTests(DatabaseKind.Sqlite);

public sealed class PostgresSuperuserAuthTests() : SuperuserAuthTests(DatabaseKind.Postgres);
