using SharpBase.Core.Records;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Auth;

/// <summary>Who is calling: a guest, or an auth record of some collection. Built once per request from the token.</summary>
public sealed class AuthContext
{
    private AuthContext(RecordRow? record) => Record = record;

    /// <summary>The guest caller.</summary>
    public static AuthContext Guest { get; } = new(null);

    /// <summary>The signed-in record, or null for a guest.</summary>
    public RecordRow? Record { get; }

    /// <summary>True for a guest.</summary>
    public bool IsGuest => Record is null;

    /// <summary>True when the caller is a superuser (a record of <c>_superusers</c>).</summary>
    public bool IsSuperuser => Record?.Collection.Id == SystemCollections.SuperusersId;

    /// <summary>The caller signed in as <paramref name="record"/>.</summary>
    public static AuthContext For(RecordRow record) => new(record);
}
