using System.Collections.Concurrent;
using SharpBase.Core.Errors;

namespace SharpBase.Core.Auth;

/// <summary>Limits of <see cref="LoginThrottle"/>.</summary>
public sealed record LoginThrottleOptions
{
    /// <summary>Failed sign-ins an account may have before each further failure locks it for a growing time.</summary>
    public int FreeFailuresPerAccount { get; init; } = 5;

    /// <summary>Failed sign-ins one client IP may have (over all accounts) before the same back-off applies to it.</summary>
    public int FreeFailuresPerIp { get; init; } = 30;

    /// <summary>The first lock; each further failure doubles it.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest lock.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A key with no attempt for this long starts over.</summary>
    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>At most this many keys are tracked; beyond it idle keys are dropped first.</summary>
    public int MaxEntries { get; init; } = 100_000;
}

/// <summary>429: too many failed attempts; <see cref="RetryAfter"/> says when to try again.</summary>
public sealed class TooManyAttemptsException(TimeSpan retryAfter)
    : ApiException(429, "Too many failed attempts, please try again later.")
{
    /// <summary>How long the caller should wait.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whole seconds to put in <c>Retry-After</c> (at least 1).</summary>
    public long RetryAfterSeconds => Math.Max(1, (long)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// In-memory sign-in throttling per account (collection + canonical identity) and per client IP, with exponential back-off.
/// An attempt is counted when it starts, so parallel guesses cannot slip past the limit, and a locked key is refused before
/// any password hashing. The same keys are used whether or not the account exists, so throttling reveals nothing either.
/// "Now" comes from the injected <see cref="TimeProvider"/>. Thread-safe; per node (a cluster multiplies the budget by N).
/// </summary>
public sealed class LoginThrottle(TimeProvider time, LoginThrottleOptions? options = null)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LoginThrottleOptions _options = options ?? new LoginThrottleOptions();

    /// <summary>The limits in force.</summary>
    public LoginThrottleOptions Options => _options;

    /// <summary>The account key for an identity in a collection: trimmed and lower-cased, so case variants share one budget.</summary>
    public static string AccountKey(string collectionId, string identity) =>
        "a:" + collectionId + ":" + identity.Trim().ToLowerInvariant();

    /// <summary>The key for a client IP, or null when it is unknown.</summary>
    public static string? IpKey(string? ip) => string.IsNullOrEmpty(ip) ? null : "i:" + ip;

    /// <summary>
    /// Starts an attempt: throws <see cref="TooManyAttemptsException"/> when a key is locked, otherwise counts the attempt as
    /// a failure until <see cref="Succeeded"/> clears the account key.
    /// </summary>
    public void Begin(string accountKey, string? ipKey)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var key in Keys(accountKey, ipKey))
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                lock (entry)
                {
                    if (entry.LockedUntil > now && entry.LockedUntil - now > wait)
                    {
                        wait = entry.LockedUntil - now;
                    }
                }
            }
        }

        if (wait > TimeSpan.Zero)
        {
            throw new TooManyAttemptsException(wait);
        }

        Trim(now);

        // The account counts the attempt as failed while it is in flight, so parallel guesses at one account cannot outrun
        // the lock. The IP counts only attempts that did fail: many users behind one address signing in at once is normal.
        Fail(accountKey, _options.FreeFailuresPerAccount, now);
    }

    /// <summary>The attempt failed: the IP's count grows (the account's was counted by <see cref="Begin"/>).</summary>
    public void Failed(string? ipKey)
    {
        if (ipKey is not null)
        {
            Fail(ipKey, _options.FreeFailuresPerIp, time.GetUtcNow());
        }
    }

    /// <summary>The attempt succeeded: the account starts over.</summary>
    public void Succeeded(string accountKey, string? ipKey)
    {
        _ = ipKey;
        _entries.TryRemove(accountKey, out _);
    }

    private static IEnumerable<string> Keys(string accountKey, string? ipKey) => ipKey is null ? [accountKey] : [accountKey, ipKey];

    private void Fail(string key, int free, DateTimeOffset now)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            if (now - entry.LastAttempt > _options.ForgetAfter)
            {
                entry.Failures = 0;
            }

            entry.Failures++;
            entry.LastAttempt = now;
            var over = entry.Failures - free;
            if (over > 0)
            {
                var delay = TimeSpan.FromTicks(Math.Min(_options.MaxDelay.Ticks, _options.BaseDelay.Ticks * (1L << Math.Min(over - 1, 30))));
                entry.LockedUntil = now + delay;
            }
        }
    }

    private void Trim(DateTimeOffset now)
    {
        if (_entries.Count < _options.MaxEntries)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (now - entry.LastAttempt > _options.ForgetAfter && entry.LockedUntil <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= _options.MaxEntries)
        {
            // Still full of recent keys (a spray of identities): drop unlocked ones before refusing to track more.
            foreach (var (key, entry) in _entries)
            {
                if (entry.LockedUntil <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset LastAttempt { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
