using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema;

/// <summary>
/// A collection definition: its fields, indexes, rules and, for auth collections, auth options.
/// Immutable; a change builds a new instance and a new <see cref="SchemaSnapshot"/>.
/// </summary>
public sealed record Collection
{
    /// <summary>The stable id (<c>pbc_</c> + CRC-32 by default).</summary>
    public string Id { get; init; } = "";

    /// <summary>The name, also the table name; matched case-insensitively in routes.</summary>
    public string Name { get; init; } = "";

    /// <summary>base, auth or view; fixed at creation.</summary>
    public CollectionType Type { get; init; }

    /// <summary>System collections cannot be renamed, deleted or have their rules changed.</summary>
    public bool System { get; init; }

    /// <summary>The fields, system fields first.</summary>
    public IReadOnlyList<Field> Fields { get; init; } = [];

    /// <summary>Index definitions in PocketBase's SQL-like form.</summary>
    public IReadOnlyList<string> Indexes { get; init; } = [];

    /// <summary>The list rule (null = superusers only, "" = everyone).</summary>
    public string? ListRule { get; init; }

    /// <summary>The view rule.</summary>
    public string? ViewRule { get; init; }

    /// <summary>The create rule.</summary>
    public string? CreateRule { get; init; }

    /// <summary>The update rule.</summary>
    public string? UpdateRule { get; init; }

    /// <summary>The delete rule.</summary>
    public string? DeleteRule { get; init; }

    /// <summary>For view collections: the SELECT the records come from.</summary>
    public string ViewQuery { get; init; } = "";

    /// <summary>For auth collections: their options; null otherwise.</summary>
    public AuthOptions? Auth { get; init; }

    /// <summary>When the collection was created.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>When the collection was last changed.</summary>
    public DateTimeOffset Updated { get; init; }

    /// <summary>The field named <paramref name="name"/> (case-insensitive), or null.</summary>
    public Field? FindField(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The physical table of a base or auth collection.</summary>
    public TableSpec ToTable() => new(Name, Fields.Select(f => f.Column).ToArray());
}
