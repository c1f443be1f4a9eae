namespace SharpBase.Core.Settings;

/// <summary>
/// The runtime settings kept in the database (<c>GET/PATCH /api/settings</c>), in PocketBase's JSON shape.
/// Later modules add sections; a section's secrets are write-only.
/// </summary>
public sealed record AppSettings
{
    /// <summary>Application identity used in mails and links.</summary>
    public MetaSettings Meta { get; init; } = new();

    /// <summary>The batch endpoint's limits.</summary>
    public BatchSettings Batch { get; init; } = new();

    /// <summary>The SMTP server mails go through; when disabled, mails are written to the outbox folder.</summary>
    public SmtpSettings Smtp { get; init; } = new();

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

/// <summary>SMTP delivery, in PocketBase's shape. <see cref="Password"/> is write-only: it is never sent back to clients.</summary>
public sealed record SmtpSettings
{
    /// <summary>Send through SMTP; otherwise mails go to <c>&lt;dataDir&gt;/outbox/</c>.</summary>
    public bool Enabled { get; init; }

    /// <summary>The server host.</summary>
    public string Host { get; init; } = "smtp.example.com";

    /// <summary>The server port.</summary>
    public int Port { get; init; } = 587;

    /// <summary>The login user; empty for no authentication.</summary>
    public string Username { get; init; } = "";

    /// <summary>The login password (write-only).</summary>
    public string Password { get; init; } = "";

    /// <summary><c>PLAIN</c> (default) or <c>LOGIN</c>.</summary>
    public string AuthMethod { get; init; } = "";

    /// <summary>Implicit TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it.</summary>
    public bool Tls { get; init; }

    /// <summary>The name sent in EHLO; empty for the default.</summary>
    public string LocalName { get; init; } = "";
}

/// <summary>Application identity.</summary>
public sealed record MetaSettings
{
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
