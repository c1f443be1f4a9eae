using System.Collections.Frozen;

namespace SharpBase.Core.Schema;

/// <summary>
/// One consistent, immutable view of every collection. A schema change builds a new snapshot and swaps one
/// reference (<see cref="SchemaRegistry"/>), so a request reads a single schema without locks.
/// </summary>
public sealed class SchemaSnapshot
{
    private readonly FrozenDictionary<string, Collection> _byId;
    private readonly FrozenDictionary<string, Collection> _byName;

    /// <summary>Builds a snapshot of <paramref name="collections"/>.</summary>
    public SchemaSnapshot(IEnumerable<Collection> collections)
    {
        Collections = collections.OrderBy(c => c.Created).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray();
        // First wins on a clash: a candidate schema may hold a duplicate that validation is about to report.
        _byId = Collections.DistinctBy(c => c.Id, StringComparer.Ordinal).ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        _byName = Collections.DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An empty schema.</summary>
    public static SchemaSnapshot Empty { get; } = new([]);

    /// <summary>Every collection, oldest first.</summary>
    public IReadOnlyList<Collection> Collections { get; }

    /// <summary>The collection with this exact id, or else this name (case-insensitive), or null.</summary>
    public Collection? Find(string idOrName) =>
        _byId.GetValueOrDefault(idOrName) ?? _byName.GetValueOrDefault(idOrName);

    /// <summary>A snapshot with <paramref name="collection"/> added or replacing the one with its id.</summary>
    public SchemaSnapshot With(Collection collection) =>
        new(Collections.Where(c => c.Id != collection.Id).Append(collection));

    /// <summary>A snapshot without the collection of this id.</summary>
    public SchemaSnapshot Without(string id) => new(Collections.Where(c => c.Id != id));
}
