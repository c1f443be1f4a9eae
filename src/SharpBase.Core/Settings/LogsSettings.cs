namespace SharpBase.Core.Settings;

/// <summary>The request log, in PocketBase's shape (stored; SharpBase has no request log table yet).</summary>
public sealed record LogsSettings
{
    /// <summary>Days a log entry is kept; 0 keeps none.</summary>
    public int MaxDays { get; init; } = 5;

    /// <summary>The lowest level logged.</summary>
    public int MinLevel { get; init; }

    /// <summary>Record the client IP.</summary>
    public bool LogIP { get; init; } = true;

    /// <summary>Record the authenticated record id.</summary>
    public bool LogAuthId { get; init; }
}
