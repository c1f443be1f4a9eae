using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>Optional cookie sessions: off by default; when on, HttpOnly cookies plus a double-submit CSRF token.</summary>
public abstract class CookieSessionTests(DatabaseKind kind)
{
    [Fact]
    public async Task Cookies_AreOffByDefault()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        var response = await LoginAsync(server, "a@example.com");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task CookieAuth_NeedsTheCsrfHeaderOnUnsafeMethods()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new { authCookies = new { enabled = true, secure = false } }), HttpStatusCode.OK);
        var login = await LoginAsync(server, "a@example.com");
        await HttpAssert.StatusAsync(login, HttpStatusCode.OK);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        var auth = Assert.Single(cookies, c => c.StartsWith("sb_auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(cookies, c => c.StartsWith("sb_refresh=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var csrfCookie = Assert.Single(cookies, c => c.StartsWith("sb_csrf=", StringComparison.Ordinal));
        Assert.DoesNotContain("httponly", csrfCookie, StringComparison.OrdinalIgnoreCase);

        string Value(string name) => cookies.Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];
        var cookieHeader = string.Join("; ", Value("sb_auth"), Value("sb_refresh"), Value("sb_csrf"));
        var csrf = Value("sb_csrf")["sb_csrf=".Length..];

        HttpRequestMessage WithCookies(HttpMethod method, string url, string? csrfHeader)
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
            if (csrfHeader is not null)
            {
                request.Headers.TryAddWithoutValidation("X-CSRF-Token", csrfHeader);
            }

            return request;
        }

        await HttpAssert.StatusAsync(await server.Guest.SendAsync(WithCookies(HttpMethod.Get, "/api/collections/users/sessions", null)), HttpStatusCode.OK);
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(WithCookies(HttpMethod.Post, "/api/collections/users/auth-refresh", null)), 401);
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(WithCookies(HttpMethod.Post, "/api/collections/users/auth-refresh", new string('0', csrf.Length))), 401);
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(WithCookies(HttpMethod.Post, "/api/collections/users/auth-refresh", csrf)), HttpStatusCode.OK);

        // The refresh cookie is redeemable with the CSRF header and not without it.
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(WithCookies(HttpMethod.Post, "/api/collections/users/auth-refresh-token", null)), 401);
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(WithCookies(HttpMethod.Post, "/api/collections/users/auth-refresh-token", csrf)), HttpStatusCode.OK);
    }
}

public sealed class SqliteCookieSessionTests() : CookieSessionTests(DatabaseKind.Sqlite);

public sealed class PostgresCookieSessionTests() : CookieSessionTests(DatabaseKind.Postgres);
