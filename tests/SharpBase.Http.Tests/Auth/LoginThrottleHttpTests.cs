using System.Net;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>Brute force against one account is throttled with back-off, 429 in the envelope with Retry-After.</summary>
public abstract class LoginThrottleHttpTests(DatabaseKind kind)
{
    [Fact]
    public async Task ThousandWrongPasswords_AreThrottled()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "victim@example.com");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        for (var batch = 0; batch < 100; batch++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
                LoginAsync(server, i % 2 == 0 ? "victim@example.com" : "VICTIM@example.com", $"guess {batch} {i}")));
            statuses.AddRange(responses.Select(r => r.StatusCode));
            throttled ??= responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        }

        Assert.Equal(1000, statuses.Count);
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 980, string.Join(",", statuses.GroupBy(s => s).Select(g => $"{g.Key}:{g.Count()}")));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"took {started.Elapsed}");
        Assert.NotNull(throttled);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        await HttpAssert.ErrorAsync(throttled, 429);

        // The right password is refused too while the lock lasts: the lock does not reveal which guess was right.
        await HttpAssert.ErrorAsync(await LoginAsync(server, "victim@example.com"), 429);
    }

    [Fact]
    public async Task FewFailures_DoNotLockAndSuccessResets()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        for (var i = 0; i < 4; i++)
        {
            await HttpAssert.ErrorAsync(await LoginAsync(server, "a@example.com", "wrong password"), 400);
        }

        await HttpAssert.StatusAsync(await LoginAsync(server, "a@example.com"), HttpStatusCode.OK);
        for (var i = 0; i < 4; i++)
        {
            await HttpAssert.ErrorAsync(await LoginAsync(server, "a@example.com", "wrong password"), 400);
        }

        // Unknown accounts are throttled the same way, so throttling reveals nothing about existence.
        var unknown = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            unknown.Add((await LoginAsync(server, "ghost@example.com", "wrong password")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, unknown);
    }
}

public sealed class SqliteLoginThrottleHttpTests() : LoginThrottleHttpTests(DatabaseKind.Sqlite);

public sealed class PostgresLoginThrottleHttpTests() : LoginThrottleHttpTests(DatabaseKind.Postgres);
