namespace SharpBase.Core.Settings;

/// <summary>An S3-compatible storage, in PocketBase's shape (stored; SharpBase does not use S3 yet). <see cref="Secret"/> is write-only.</summary>
public sealed record S3Settings
{
    /// <summary>Use this storage.</summary>
    public bool Enabled { get; init; }

    /// <summary>The bucket name.</summary>
    public string Bucket { get; init; } = "";

    /// <summary>The region.</summary>
    public string Region { get; init; } = "";

    /// <summary>The endpoint URL.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>The access key id.</summary>
    public string AccessKey { get; init; } = "";

    /// <summary>The secret access key (write-only).</summary>
    public string Secret { get; init; } = "";

    /// <summary>Address the bucket by path rather than by host name.</summary>
    public bool ForcePathStyle { get; init; }
}

/// <summary>Automatic backups, in PocketBase's shape (stored; SharpBase has no backups yet).</summary>
public sealed record BackupsSettings
{
    /// <summary>A cron expression (5 fields or a macro such as <c>@daily</c>); empty turns automatic backups off.</summary>
    public string Cron { get; init; } = "";

    /// <summary>How many automatic backups to keep.</summary>
    public int CronMaxKeep { get; init; } = 3;

    /// <summary>Where backups go; local when disabled.</summary>
    public S3Settings S3 { get; init; } = new();
}
