using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Errors;

/// <summary>
/// A known path with a method it does not map answers 405 with <c>Allow</c> in the error envelope (PocketBase answers 404);
/// TRACE never reflects the request; unknown paths stay 404 (issue 17, defect 10).
/// </summary>
public abstract class MethodNotAllowedTests(DatabaseKind kind)
{
    private static string[] Allow(HttpResponseMessage response) =>
        [.. response.Content.Headers.Allow.Order(StringComparer.Ordinal)];

    private static async Task AssertMethodNotAllowedAsync(HttpResponseMessage response, params string[] allowed)
    {
        var data = await HttpAssert.ErrorAsync(response, 405);
        Assert.Empty(data);
        Assert.Equal([.. allowed.Order(StringComparer.Ordinal)], Allow(response));
    }

    [Fact]
    public async Task WrongMethodOnAKnownRoute_Is405_WithAllowAndEnvelope()
    {
        await using var server = await TestServer.StartAsync(kind);
        await AssertMethodNotAllowedAsync(await server.Guest.DeleteAsync("/api/health"), "GET", "HEAD");
        await AssertMethodNotAllowedAsync(await server.Guest.PutAsJsonAsync("/api/collections/x/records", new { }), "GET", "HEAD", "POST");
        await AssertMethodNotAllowedAsync(await server.Superuser.PostAsJsonAsync("/api/settings", new { }), "GET", "HEAD", "PATCH");
        await AssertMethodNotAllowedAsync(await server.Guest.GetAsync("/api/collections/users/auth-with-password"), "POST");
    }

    [Fact]
    public async Task Head_IsAnsweredOnEveryGetRoute_AsPocketBaseDoes()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var health = await server.Guest.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(await health.Content.ReadAsByteArrayAsync());

        using var methods = await server.Guest.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/collections/users/auth-methods"));
        Assert.Equal(HttpStatusCode.OK, methods.StatusCode);
        Assert.Empty(await methods.Content.ReadAsByteArrayAsync());
        using var sessions = await server.Superuser.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/collections/users/sessions"));
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, sessions.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, sessions.StatusCode);
    }

    [Theory]
    [InlineData("/api/health", HttpStatusCode.MethodNotAllowed)]
    [InlineData("/api/collections/users/records", HttpStatusCode.MethodNotAllowed)]
    [InlineData("/api/nothing/here", HttpStatusCode.NotFound)]
    public async Task Trace_NeverEchoesTheRequest(string path, HttpStatusCode expected)
    {
        await using var server = await TestServer.StartAsync(kind);
        using var request = new HttpRequestMessage(HttpMethod.Trace, path);
        request.Headers.Add("X-Trace-Secret", "reflected-secret-value");
        request.Headers.Add("Cookie", "sb_auth=cookie-secret-value");
        using var response = await server.Guest.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret-value", body, StringComparison.Ordinal);
        Assert.DoesNotContain("TRACE", body, StringComparison.OrdinalIgnoreCase);
        await HttpAssert.ErrorAsync(response, (int)expected);
    }

    [Fact]
    public async Task UnknownPaths_Stay404_ForEveryMethod()
    {
        await using var server = await TestServer.StartAsync(kind);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Put, HttpMethod.Options })
        {
            using var response = await server.Guest.SendAsync(new HttpRequestMessage(method, "/api/nothing/here"));
            var data = await HttpAssert.ErrorAsync(response, 404);
            Assert.Empty(data);
            Assert.Empty(response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task CorsPreflight_OnAKnownRoute_IsStill204()
    {
        // The preflight's OPTIONS is not mapped on any route; the CORS middleware answers it before the router's 405 runs.
        await using var server = await TestServer.StartAsync(kind);
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/collections/users/records");
        request.Headers.Add("Origin", "https://app.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await server.Guest.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}

public sealed class SqliteMethodNotAllowedTests() : MethodNotAllowedTests(DatabaseKind.Sqlite);

public sealed class PostgresMethodNotAllowedTests() : MethodNotAllowedTests(DatabaseKind.Postgres);
