namespace SharpBase.Core.Settings;

/// <summary>Rate limits, in PocketBase's shape and with its default rules (stored; SharpBase does not enforce them yet).</summary>
public sealed record RateLimitsSettings
{
    /// <summary>The rules, matched by label.</summary>
    public IReadOnlyList<RateLimitRule> Rules { get; init; } =
    [
        new() { Label = "*:auth", MaxRequests = 2, Duration = 3 },
        new() { Label = "*:create", MaxRequests = 20, Duration = 5 },
        new() { Label = "/api/batch", MaxRequests = 3, Duration = 1 },
        new() { Label = "/api/", MaxRequests = 300, Duration = 10 },
    ];

    /// <summary>IPs and CIDR subnets no rule applies to.</summary>
    public IReadOnlyList<string> ExcludedIPs { get; init; } = [];

    /// <summary>Whether the rules apply.</summary>
    public bool Enabled { get; init; }
}

/// <summary>One rate limit rule.</summary>
public sealed record RateLimitRule
{
    /// <summary>A tag (<c>users:create</c>, <c>*:auth</c>), a path (<c>/api/batch</c>) or a path prefix ending in <c>/</c>, optionally after a method.</summary>
    public string Label { get; init; } = "";

    /// <summary><c>""</c> (everyone), <c>@guest</c> or <c>@auth</c>.</summary>
    public string Audience { get; init; } = "";

    /// <summary>The window in seconds.</summary>
    public long Duration { get; init; }

    /// <summary>Requests allowed per window.</summary>
    public int MaxRequests { get; init; }
}
