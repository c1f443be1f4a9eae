namespace SharpBase.Core.Settings;

/// <summary>SMTP delivery, in PocketBase's shape. <see cref="Password"/> is write-only: it is never sent back to clients.</summary>
public sealed record SmtpSettings
{
    /// <summary>Send through SMTP; otherwise mails go to <c>&lt;dataDir&gt;/outbox/</c>.</summary>
    public bool Enabled { get; init; }

    /// <summary>The server port.</summary>
    public int Port { get; init; } = 587;

    /// <summary>The server host.</summary>
    public string Host { get; init; } = "smtp.example.com";

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
