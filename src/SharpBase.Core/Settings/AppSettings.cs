namespace SharpBase.Core.Settings;

/// <summary>
/// The runtime settings kept in the database (<c>GET/PATCH /api/settings</c>), with PocketBase's sections, keys, defaults
/// and key order (its core/settings_model.go). Secrets (<c>smtp.password</c>, <c>s3.secret</c>, <c>backups.s3.secret</c>)
/// are write-only. Sections whose feature is not built yet are stored and returned but change nothing.
/// </summary>
public sealed record AppSettings
{
    /// <summary>IPs and CIDR subnets superusers may act from; empty allows any (stored, not enforced yet).</summary>
    public IReadOnlyList<string> SuperuserIPs { get; init; } = [];

    /// <summary>The SMTP server mails go through; when disabled, mails are written to the outbox folder.</summary>
    public SmtpSettings Smtp { get; init; } = new();

    /// <summary>Automatic backups (stored, no effect yet).</summary>
    public BackupsSettings Backups { get; init; } = new();

    /// <summary>S3 file storage (stored, no effect yet).</summary>
    public S3Settings S3 { get; init; } = new();

    /// <summary>Application identity used in mails and links.</summary>
    public MetaSettings Meta { get; init; } = new();

    /// <summary>Request rate limits (stored, no effect yet).</summary>
    public RateLimitsSettings RateLimits { get; init; } = new();

    /// <summary>The proxy headers that carry the client IP.</summary>
    public TrustedProxySettings TrustedProxy { get; init; } = new();

    /// <summary>The batch endpoint's limits.</summary>
    public BatchSettings Batch { get; init; } = new();

    /// <summary>The request log (stored, no effect yet).</summary>
    public LogsSettings Logs { get; init; } = new();

    /// <summary>Optional cookie sessions for browser apps (beyond PocketBase; off by default).</summary>
    public AuthCookieSettings AuthCookies { get; init; } = new();
}

/// <summary>
/// Cookie sessions: when enabled, auth responses also set HttpOnly cookies holding the auth token and the refresh token, plus
/// a readable CSRF cookie whose value unsafe requests must echo in the <c>X-CSRF-Token</c> header.
/// </summary>
public sealed record AuthCookieSettings
{
    /// <summary>Set and accept auth cookies.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>Lax</c> (default) or <c>Strict</c>; <c>None</c> is allowed only with <see cref="Secure"/>.</summary>
    public string SameSite { get; init; } = "Lax";

    /// <summary>Send the cookies over HTTPS only (turn off only for local http development).</summary>
    public bool Secure { get; init; } = true;
}

/// <summary>Application identity.</summary>
public sealed record MetaSettings
{
    /// <summary>The dashboard's accent colour, <c>#rrggbb</c>.</summary>
    public string AccentColor { get; init; } = "#1055c9";

    /// <summary>The application name.</summary>
    public string AppName { get; init; } = "Acme";

    /// <summary>The public URL of the application.</summary>
    public string AppURL { get; init; } = "http://localhost:8090";

    /// <summary>The mail sender's name.</summary>
    public string SenderName { get; init; } = "Support";

    /// <summary>The mail sender's address.</summary>
    public string SenderAddress { get; init; } = "support@example.com";

    /// <summary>Hides the dashboard's schema controls.</summary>
    public bool HideControls { get; init; }
}

/// <summary>Batch endpoint limits; off by default, as in PocketBase.</summary>
public sealed record BatchSettings
{
    /// <summary>The largest <see cref="MaxBodySize"/>, used when it is 0.</summary>
    public const long DefaultMaxBodySize = 128L * 1024 * 1024;

    /// <summary>Whether <c>/api/batch</c> accepts requests.</summary>
    public bool Enabled { get; init; }

    /// <summary>Sub-requests per batch.</summary>
    public int MaxRequests { get; init; } = 50;

    /// <summary>Seconds a batch may run.</summary>
    public int Timeout { get; init; } = 3;

    /// <summary>Body limit in bytes; 0 means <see cref="DefaultMaxBodySize"/>.</summary>
    public long MaxBodySize { get; init; }
}
