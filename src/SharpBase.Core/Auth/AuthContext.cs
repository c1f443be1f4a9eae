using SharpBase.Core.Records;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Auth;

/// <summary>Who is calling: a guest, or an auth record of some collection. Built once per request from the token.</summary>
public sealed class AuthContext
{
    private AuthContext(RecordRow? record, bool refreshable, string? sessionId)
    {
        Record = record;
        Refreshable = refreshable;
        SessionId = sessionId;
    }

    /// <summary>The guest caller.</summary>
    public static AuthContext Guest { get; } = new(null, false, null);

    /// <summary>The signed-in record, or null for a guest.</summary>
    public RecordRow? Record { get; }

    /// <summary>True for a guest.</summary>
    public bool IsGuest => Record is null;

    /// <summary>True when the caller is a superuser (a record of <c>_superusers</c>).</summary>
    public bool IsSuperuser => Record?.Collection.Id == SystemCollections.SuperusersId;

    /// <summary>True when the caller's token may be exchanged for a new one (false for impersonation tokens).</summary>
    public bool Refreshable { get; }

    /// <summary>The session (refresh-token family) the caller's token belongs to, or null for a token issued outside one.</summary>
    public string? SessionId { get; }

    /// <summary>The caller signed in as <paramref name="record"/> with a refreshable token outside any session.</summary>
    public static AuthContext For(RecordRow record) => new(record, true, null);

    /// <summary>The caller signed in as <paramref name="record"/>.</summary>
    public static AuthContext For(RecordRow record, bool refreshable, string? sessionId) => new(record, refreshable, sessionId);
}
