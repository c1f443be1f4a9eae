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
