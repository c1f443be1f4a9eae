using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>
/// The per-IP sign-in budget is keyed on the client IP the <c>trustedProxy</c> settings give (as PocketBase's RealIP), so
/// clients behind one reverse proxy are throttled apart, and a header that is not trusted never changes the key.
/// </summary>
public abstract class LoginThrottleProxyTests(DatabaseKind kind)
{
    /// <summary>More than <c>LoginThrottle:FreeFailuresPerIp</c> (30), each at another account so no account lock interferes.</summary>
    private const int MaxAttempts = 60;

    [Fact]
    public async Task TrustedProxy_ClientsBehindOneProxyAddress_HaveSeparateBudgets()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings",
            new { trustedProxy = new { headers = new[] { "X-Forwarded-For" } } }), HttpStatusCode.OK);

        await FailUntilThrottledAsync(server, _ => "198.51.100.1");

        // Same connection address (the proxy's), another forwarded client: its own budget, so a plain wrong password.
        await HttpAssert.ErrorAsync(await LoginAsync(server, "other-client@example.test", "203.0.113.9"), 400);
        await HttpAssert.ErrorAsync(await LoginAsync(server, "again@example.test", "198.51.100.1"), 429);
    }

    [Fact]
    public async Task NoTrustedProxy_SpoofedForwardedFor_DoesNotEscapeTheThrottle()
    {
        await using var server = await TestServer.StartAsync(kind);

        await FailUntilThrottledAsync(server, attempt => $"198.51.100.{attempt + 1}");

        await HttpAssert.ErrorAsync(await LoginAsync(server, "fresh@example.test", "203.0.113.9"), 429);
    }

    private static async Task FailUntilThrottledAsync(TestServer server, Func<int, string> forwardedFor)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var response = await LoginAsync(server, $"guess{attempt}@example.test", forwardedFor(attempt));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return;
            }

            await HttpAssert.ErrorAsync(response, 400);
        }

        Assert.Fail($"no 429 after {MaxAttempts} failed sign-ins from one client");
    }

    private static Task<HttpResponseMessage> LoginAsync(TestServer server, string identity, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/collections/users/auth-with-password")
        {
            Content = JsonContent.Create(new { identity, password = "wrong password" }),
        };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return server.Guest.SendAsync(request);
    }
}

public sealed class SqliteLoginThrottleProxyTests() : LoginThrottleProxyTests(DatabaseKind.Sqlite);

public sealed class PostgresLoginThrottleProxyTests() : LoginThrottleProxyTests(DatabaseKind.Postgres);
