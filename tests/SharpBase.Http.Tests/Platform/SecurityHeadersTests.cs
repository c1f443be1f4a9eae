using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SharpBase.Core.Records.Hooks;
using SharpBase.Http.Tests.Auth;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Http.Tests.Records;
using Xunit;

namespace SharpBase.Http.Tests.Platform;

/// <summary>
/// Every answer carries PocketBase's security headers and no <c>Server</c> header: successes, and errors of every kind,
/// including the ones written after the pipeline failed (issue 17, defect 9).
/// </summary>
public abstract class SecurityHeadersTests(DatabaseKind kind)
{
    private const int BodyLimit = 4096;

    /// <summary>Fails a record create as an unexpected defect (500) or as an overloaded dependency (503), by title.</summary>
    private sealed class FailingHook : IRecordHook
    {
        public Task BeforeWriteAsync(RecordChange change, CancellationToken cancellationToken) => change.Values?["title"] switch
        {
            "crash" => throw new InvalidOperationException("a defect"),
            "busy" => throw new TimeoutException("no free connection"),
            _ => Task.CompletedTask,
        };
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string? Value(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
        Assert.True(Value("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options is {Value("X-Content-Type-Options") ?? "missing"}");
        Assert.True(Value("X-Frame-Options") == "SAMEORIGIN", $"{what}: X-Frame-Options is {Value("X-Frame-Options") ?? "missing"}");
        Assert.True(Value("X-XSS-Protection") == "1; mode=block", $"{what}: X-XSS-Protection is {Value("X-XSS-Protection") ?? "missing"}");
        Assert.True(Value("Cross-Origin-Opener-Policy") == "same-origin", $"{what}: Cross-Origin-Opener-Policy is {Value("Cross-Origin-Opener-Policy") ?? "missing"}");
        Assert.False(response.Headers.Contains("Server"), $"{what}: has a Server header");
    }

    private static async Task<HttpResponseMessage> ThrottledLoginAsync(TestServer server)
    {
        for (var i = 0; i < 20; i++)
        {
            var response = await AuthTestKit.LoginAsync(server, "ghost@example.com", "wrong password");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            response.Dispose();
        }

        throw new InvalidOperationException("the login throttle never answered 429");
    }

    [Fact]
    public async Task EveryKindOfAnswer_CarriesTheSecurityHeaders()
    {
        await using var server = await TestServer.StartAsync(kind, options => options.MaxBodySize = BodyLimit,
            services => services.AddSingleton<IRecordHook>(new FailingHook()));
        await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts", listRule = "", createRule = "", fields = new object[] { new { name = "title", type = "text" } },
        }));
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/collections");
        preflight.Headers.Add("Origin", "https://app.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var malformed = new StringContent("{\"title\":", Encoding.UTF8, "application/json");
        using var oversized = new StringContent("{\"title\":\"" + new string('a', BodyLimit * 2) + "\"}", Encoding.UTF8, "application/json");

        var answers = new (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status)[]
        {
            ("health", () => server.Guest.GetAsync("/api/health"), HttpStatusCode.OK),
            ("HEAD health", () => server.Guest.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/health")), HttpStatusCode.OK),
            ("preflight", () => server.Guest.SendAsync(preflight), HttpStatusCode.NoContent),
            ("guest on a superuser route", () => server.Guest.GetAsync("/api/collections"), HttpStatusCode.Unauthorized),
            ("unknown route", () => server.Guest.GetAsync("/api/nothing/here"), HttpStatusCode.NotFound),
            ("missing collection", () => server.Guest.GetAsync("/api/collections/missing/records"), HttpStatusCode.NotFound),
            ("wrong method", () => server.Guest.DeleteAsync("/api/health"), HttpStatusCode.MethodNotAllowed),
            ("malformed body", () => server.Guest.PostAsync("/api/collections/posts/records", malformed), HttpStatusCode.BadRequest),
            ("oversized body", () => server.Guest.PostAsync("/api/collections/posts/records", oversized), HttpStatusCode.RequestEntityTooLarge),
            ("throttled login", () => ThrottledLoginAsync(server), HttpStatusCode.TooManyRequests),
            ("unhandled exception", () => server.Guest.PostAsJsonAsync("/api/collections/posts/records", new { title = "crash" }), HttpStatusCode.InternalServerError),
            ("busy dependency", () => server.Guest.PostAsJsonAsync("/api/collections/posts/records", new { title = "busy" }), HttpStatusCode.ServiceUnavailable),
        };
        foreach (var (what, send, status) in answers)
        {
            using var response = await send();
            Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode}");
            AssertSecurityHeaders(response, what);
        }
    }
}

public sealed class SqliteSecurityHeadersTests() : SecurityHeadersTests(DatabaseKind.Sqlite);

public sealed class PostgresSecurityHeadersTests() : SecurityHeadersTests(DatabaseKind.Postgres);
