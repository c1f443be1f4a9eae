using System.Runtime.CompilerServices;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema;

/// <summary>
/// The parsed indexes of a collection and the single-column unique ones among them, which make a field an identity
/// (sign-in, lookups, single-record back-relations). Parsed once per index list: collections are immutable and
/// <c>with</c> copies share the list, so the cache lives as long as a schema snapshot uses it.
/// </summary>
public static class UniqueIndexes
{
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, IndexSpec[]> Parsed = new();

    /// <summary>The collection's indexes that parse (the validator reports the others).</summary>
    public static IReadOnlyList<IndexSpec> Of(Collection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return Parsed.GetValue(collection.Indexes, list => list.Select(i => IndexDefinition.TryParse(i, out _)).OfType<IndexSpec>().ToArray());
    }

    /// <summary>
    /// A unique index over <paramref name="field"/> alone, or null. A case-insensitive one is preferred: where it exists, no
    /// two records differ only by case, so it is the one a lookup must follow.
    /// </summary>
    public static IndexSpec? SingleColumn(Collection collection, string field)
    {
        IndexSpec? found = null;
        foreach (var index in Of(collection))
        {
            if (index is { Unique: true, Columns: [var only] } && string.Equals(only.Name, field, StringComparison.OrdinalIgnoreCase) &&
                (found is null || (only.NoCase && !found.Columns[0].NoCase)))
            {
                found = index;
            }
        }

        return found;
    }

    /// <summary>
    /// True when every row whose indexed column equals a non-empty text is in the partial index anyway (its terms are
    /// <c>col != ''</c> or <c>col IS NOT NULL</c> on that column), so a lookup may repeat them to use the index without
    /// changing what it finds.
    /// </summary>
    public static bool CoversEveryNonEmptyValue(IndexSpec index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var column = index.Columns[0].Name;
        return index.Where.All(term => string.Equals(term.Column, column, StringComparison.OrdinalIgnoreCase) && term switch
        {
            { Operator: IndexOperator.IsNotNull } or { Operator: IndexOperator.NotEqual, Value: null or "" } => true,
            _ => false,
        });
    }
}
