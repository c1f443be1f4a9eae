using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Storage;

namespace SharpBase.Core.Records.Hooks;

/// <summary>What a record write does.</summary>
public enum RecordAction
{
    /// <summary>A new record.</summary>
    Create,

    /// <summary>Changed fields of an existing record.</summary>
    Update,

    /// <summary>A removed record.</summary>
    Delete,
}

/// <summary>One record write as the hooks see it, from before the write to after the commit.</summary>
public sealed class RecordChange
{
    internal RecordChange(RecordAction action, Collection collection, RecordRow? old, IDictionary<string, object?>? values, RequestInfo request,
        DbSession session, bool isCascade)
    {
        Action = action;
        Collection = collection;
        Old = old;
        Values = values;
        Request = request;
        Session = session;
        IsCascade = isCascade;
    }

    /// <summary>Create, update or delete.</summary>
    public RecordAction Action { get; }

    /// <summary>The collection written.</summary>
    public Collection Collection { get; }

    /// <summary>The record before the write (update, delete); null on create.</summary>
    public RecordRow? Old { get; }

    /// <summary>
    /// The values about to be stored (create: every field; update: every field with the body applied); before-write hooks
    /// may change them. Null on delete.
    /// </summary>
    public IDictionary<string, object?>? Values { get; }

    /// <summary>The record as stored after the write (create, update); null before it and on delete.</summary>
    public RecordRow? New { get; internal set; }

    /// <summary>The fields whose stored value the write changes (after-write and after-commit only).</summary>
    public IReadOnlySet<string> ChangedFields { get; internal set; } = new HashSet<string>();

    /// <summary>The request behind the write (for a cascade, the request of the write that started it).</summary>
    public RequestInfo Request { get; }

    /// <summary>The write session (usable in before- and after-write hooks only).</summary>
    public DbSession Session { get; }

    /// <summary>True when the write follows from another: a cascading delete, or a relation cleared by one.</summary>
    public bool IsCascade { get; }

    /// <summary>Set by an after-write hook that rewrote the stored record, so the writer reads it again before responding.</summary>
    public bool StoredRowChanged { get; set; }

    /// <summary>The record's id.</summary>
    public string RecordId => New?.Id ?? Old?.Id ?? Values?["id"] as string ?? "";
}
