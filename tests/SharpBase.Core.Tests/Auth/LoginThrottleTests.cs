using SharpBase.Core.Auth;
using Xunit;

namespace SharpBase.Core.Tests.Auth;

public sealed class LoginThrottleTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FreeFailures_ThenExponentialBackOff_ThenExpiry()
    {
        var throttle = new LoginThrottle(_clock, new LoginThrottleOptions { FreeFailuresPerAccount = 3, FreeFailuresPerIp = 1000 });
        var account = LoginThrottle.AccountKey("c", "A@B.c");
        for (var i = 0; i < 4; i++)
        {
            throttle.Begin(account, "i:1");
        }

        var locked = Assert.Throws<TooManyAttemptsException>(() => throttle.Begin(account, "i:1"));
        Assert.Equal(429, locked.Status);
        Assert.Equal(1, locked.RetryAfterSeconds);

        _clock.Advance(TimeSpan.FromSeconds(1.1));
        throttle.Begin(account, "i:1");
        Assert.Equal(2, Assert.Throws<TooManyAttemptsException>(() => throttle.Begin(LoginThrottle.AccountKey("c", " a@b.C "), "i:2")).RetryAfterSeconds);

        _clock.Advance(TimeSpan.FromSeconds(2.1));
        throttle.Begin(account, "i:1");
        Assert.Equal(4, Assert.Throws<TooManyAttemptsException>(() => throttle.Begin(account, null)).RetryAfterSeconds);

        // After a long quiet period the account starts over.
        _clock.Advance(TimeSpan.FromHours(2));
        throttle.Begin(account, "i:1");
        throttle.Begin(account, "i:1");
    }

    [Fact]
    public void BackOff_IsCapped_AndSuccessResets()
    {
        var throttle = new LoginThrottle(_clock, new LoginThrottleOptions { FreeFailuresPerAccount = 1, MaxDelay = TimeSpan.FromMinutes(15) });
        for (var i = 0; i < 40; i++)
        {
            throttle.Begin("a:x", null);
            _clock.Advance(TimeSpan.FromMinutes(16));
        }

        throttle.Begin("a:x", null);
        Assert.Equal(900, Assert.Throws<TooManyAttemptsException>(() => throttle.Begin("a:x", null)).RetryAfterSeconds);
        _clock.Advance(TimeSpan.FromMinutes(16));
        throttle.Begin("a:x", null);
        throttle.Succeeded("a:x", null);
        throttle.Begin("a:x", null);
    }

    [Fact]
    public void IpKey_ThrottlesAcrossAccounts()
    {
        var throttle = new LoginThrottle(_clock, new LoginThrottleOptions { FreeFailuresPerAccount = 100, FreeFailuresPerIp = 5 });
        for (var i = 0; i < 6; i++)
        {
            throttle.Begin("a:user" + i, "i:9");
            throttle.Failed("i:9");
        }

        Assert.Throws<TooManyAttemptsException>(() => throttle.Begin("a:fresh", "i:9"));
        throttle.Begin("a:fresh", "i:10");
    }

    [Fact]
    public void ManyConcurrentSignInsFromOneIp_AreNotMistakenForFailures()
    {
        var throttle = new LoginThrottle(_clock, new LoginThrottleOptions { FreeFailuresPerAccount = 5, FreeFailuresPerIp = 5 });
        for (var i = 0; i < 50; i++)
        {
            throttle.Begin("a:user" + i, "i:7");
        }

        for (var i = 0; i < 50; i++)
        {
            throttle.Succeeded("a:user" + i, "i:7");
        }

        throttle.Begin("a:another", "i:7");
    }

    [Fact]
    public void ManyKeys_AreBounded()
    {
        var throttle = new LoginThrottle(_clock, new LoginThrottleOptions { MaxEntries = 100 });
        for (var i = 0; i < 10_000; i++)
        {
            throttle.Begin("a:" + i, null);
        }

        throttle.Begin("a:last", null);
    }
}
