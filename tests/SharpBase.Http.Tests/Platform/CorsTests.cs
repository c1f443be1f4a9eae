using System.Net;
using System.Text;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Platform;

/// <summary>
/// CORS (issue 17, defect 8): the default allows any origin with <c>*</c> and never credentials; listed origins are
/// echoed with credentials and <c>Vary: Origin</c>, unlisted ones get no CORS grant; error answers carry the same headers.
/// </summary>
public abstract class CorsTests(DatabaseKind kind)
{
    private const string Listed = "https://app.example";
    private const string Unlisted = "https://evil.example";

    private static HttpRequestMessage Request(HttpMethod method, string url, string? origin)
    {
        var request = new HttpRequestMessage(method, url);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private static HttpRequestMessage Preflight(string url, string origin, string method = "GET")
    {
        var request = Request(HttpMethod.Options, url, origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static string? AllowOrigin(HttpResponseMessage response) => Header(response, "Access-Control-Allow-Origin");

    private static string? Credentials(HttpResponseMessage response) => Header(response, "Access-Control-Allow-Credentials");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static int VaryOriginCount(HttpResponseMessage response) =>
        response.Headers.Vary.Count(v => v.Equals("Origin", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task DefaultConfig_AnyOrigin_GetsStar_WithoutCredentials()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var response = await server.Guest.SendAsync(Request(HttpMethod.Get, "/api/health", Unlisted));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", AllowOrigin(response));
        Assert.Null(Credentials(response));
    }

    [Fact]
    public async Task DefaultConfig_Preflight_GetsStarAndVaryOrigin_WithoutCredentials()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var response = await server.Guest.SendAsync(Preflight("/api/collections", Unlisted));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", AllowOrigin(response));
        Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Null(Credentials(response));
        Assert.Equal(1, VaryOriginCount(response));
        Assert.Contains("Access-Control-Request-Headers", response.Headers.Vary);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ListedOrigins_ListedOrigin_IsEchoed_WithVaryAndCredentials(bool twoOrigins)
    {
        // One listed origin is the case ASP.NET's CORS sends no Vary for; two is the case where it does (no duplicate).
        // TestServer binds the origins through configuration, as from SHARPBASE_CORSORIGINS__0 (the binder once appended
        // them to a default "*").
        await using var server = await TestServer.StartAsync(kind, options =>
            options.CorsOrigins = twoOrigins ? [Listed, "https://admin.example"] : [Listed]);
        using var simple = await server.Guest.SendAsync(Request(HttpMethod.Get, "/api/health", Listed));
        using var preflight = await server.Guest.SendAsync(Preflight("/api/collections", Listed, "POST"));
        Assert.Equal(HttpStatusCode.OK, simple.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        foreach (var response in new[] { simple, preflight })
        {
            Assert.Equal(Listed, AllowOrigin(response));
            Assert.Equal("true", Credentials(response));
            Assert.Equal(1, VaryOriginCount(response));
        }
    }

    [Fact]
    public async Task ListedOrigins_UnlistedOrigin_GetsNoGrant_ButVaryOrigin()
    {
        await using var server = await TestServer.StartAsync(kind, options => options.CorsOrigins = [Listed]);
        using var simple = await server.Guest.SendAsync(Request(HttpMethod.Get, "/api/health", Unlisted));
        using var preflight = await server.Guest.SendAsync(Preflight("/api/collections", Unlisted));
        Assert.Equal(HttpStatusCode.OK, simple.StatusCode);
        foreach (var response in new[] { simple, preflight })
        {
            Assert.Null(AllowOrigin(response));
            Assert.Null(Credentials(response));
            Assert.Equal(1, VaryOriginCount(response));
        }
    }

    [Fact]
    public async Task ListedOrigins_RequestWithoutOrigin_StillVariesOnOrigin()
    {
        // A shared cache must not hand this answer (no grant) to a listed origin's request, or the reverse.
        await using var server = await TestServer.StartAsync(kind, options => options.CorsOrigins = [Listed]);
        using var response = await server.Guest.SendAsync(Request(HttpMethod.Get, "/api/health", null));
        Assert.Null(AllowOrigin(response));
        Assert.Equal(1, VaryOriginCount(response));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ErrorAnswers_CarryTheCorsHeaders(bool listed)
    {
        // A browser hides an error's body (message, data) from the page unless the error answer grants the origin too.
        await using var server = await TestServer.StartAsync(kind, options => options.CorsOrigins = listed ? [Listed] : []);
        using var malformed = Request(HttpMethod.Post, "/api/collections/users/auth-with-password", Listed);
        malformed.Content = new StringContent("{\"identity\":", Encoding.UTF8, "application/json");
        var answers = new[]
        {
            (await server.Guest.SendAsync(Request(HttpMethod.Get, "/api/nothing/here", Listed)), 404),
            (await server.Guest.SendAsync(Request(HttpMethod.Get, "/api/collections/missing/records", Listed)), 404),
            (await server.Guest.SendAsync(malformed), 400),
            (await server.Guest.SendAsync(Request(HttpMethod.Get, "/api/collections", Listed)), 401),
        };
        foreach (var (response, status) in answers)
        {
            using (response)
            {
                await HttpAssert.ErrorAsync(response, status);
                Assert.Equal(listed ? Listed : "*", AllowOrigin(response));
                Assert.Equal(listed ? "true" : null, Credentials(response));
                Assert.Equal(listed ? 1 : 0, VaryOriginCount(response));
            }
        }
    }
}

public sealed class SqliteCorsTests() : CorsTests(DatabaseKind.Sqlite);

public sealed class PostgresCorsTests() : CorsTests(DatabaseKind.Postgres);
