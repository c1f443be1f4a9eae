using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Platform;

/// <summary><c>GET /api/health</c> as PocketBase's apis/health_test.go states it: server facts for superusers only (issue 18).</summary>
public abstract class HealthTests(DatabaseKind kind)
{
    private const string GuestBody = """{"message":"API is healthy.","code":200,"data":{}}""";

    [Fact]
    public async Task GuestsAndUsers_GetNoServerFacts()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var user = await server.CreateUserClientAsync("health@example.com");
        foreach (var client in new[] { server.Guest, user })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
            request.Headers.Add("X-Forwarded-For", "1.2.3.4");
            Assert.Equal(GuestBody, await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Superuser_GetsCanBackupRealIpAndPossibleProxyHeader()
    {
        await using var server = await TestServer.StartAsync(kind);
        var body = await server.Superuser.GetStringAsync("/api/health");
        Assert.Equal("""{"message":"API is healthy.","code":200,"data":{"canBackup":true,"possibleProxyHeader":"","realIP":"127.0.0.1"}}""", body);
    }

    [Fact]
    public async Task RealIp_IgnoresProxyHeaders_UntilTheSettingsTrustThem()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HealthAsync(server, ("X-Forwarded-For", "invalid, 1.1.1.5, 1.1.1.6, invalid"), ("X-Real-IP", "1.1.1.3,1.1.1.4"));
        Assert.Equal("127.0.0.1", data["realIP"]!.GetValue<string>());
        Assert.Equal("X-Forwarded-For", data["possibleProxyHeader"]!.GetValue<string>());

        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings",
            new { trustedProxy = new { headers = new[] { "header1", "x-real-ip", "x-forwarded-for" } } }), HttpStatusCode.OK);
        data = await HealthAsync(server, ("X-Forwarded-For", "invalid, 1.1.1.5, 1.1.1.6, invalid"), ("X-Real-IP", "1.1.1.3,1.1.1.4"));
        Assert.Equal("1.1.1.4", data["realIP"]!.GetValue<string>());
        Assert.Equal("x-real-ip", data["possibleProxyHeader"]!.GetValue<string>());

        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings",
            new { trustedProxy = new { headers = new[] { "x-forwarded-for" }, useLeftmostIP = true } }), HttpStatusCode.OK);
        data = await HealthAsync(server, ("X-Forwarded-For", "invalid, 1.1.1.5, 2001:db8::1, invalid"));
        Assert.Equal("1.1.1.5", data["realIP"]!.GetValue<string>());
        data = await HealthAsync(server, ("X-Forwarded-For", "2001:db8::1, 1.1.1.5"));
        Assert.Equal("2001:0db8:0000:0000:0000:0000:0000:0001", data["realIP"]!.GetValue<string>());
        data = await HealthAsync(server, ("X-Forwarded-For", "no ip here"));
        Assert.Equal("127.0.0.1", data["realIP"]!.GetValue<string>());
    }

    private static async Task<JsonObject> HealthAsync(TestServer server, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var body = (await HttpAssert.StatusAsync(await server.Superuser.SendAsync(request), HttpStatusCode.OK))!;
        return body["data"]!.AsObject();
    }
}

public sealed class SqliteHealthTests() : HealthTests(DatabaseKind.Sqlite);

public sealed class PostgresHealthTests() : HealthTests(DatabaseKind.Postgres);
