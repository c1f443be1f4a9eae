using SharpBase.Core.Common;
using SharpBase.Core.Errors;

namespace SharpBase.Core.Schema;

/// <summary>
/// Filtering and sorting of the collections list (superusers only) over <c>id</c>, <c>name</c>, <c>type</c>,
/// <c>system</c>, <c>created</c> and <c>updated</c>. It is evaluated in memory over the schema snapshot.
/// </summary>
public static class CollectionQuery
{
    /// <summary>The longest filter accepted.</summary>
    public const int MaxFilterLength = 3500;

    private static readonly string[] Properties = ["id", "name", "type", "system", "created", "updated"];

    /// <summary>The collections matching <paramref name="filter"/>, ordered by <paramref name="sort"/> (default: created).</summary>
    public static IReadOnlyList<Collection> Apply(IEnumerable<Collection> collections, string? filter, string? sort)
    {
        var predicate = string.IsNullOrWhiteSpace(filter) ? (_ => true) : ParseFilter(filter);
        var filtered = collections.Where(predicate);
        return Sort(filtered, sort).ToArray();
    }

    /// <summary>The value of a filterable property as text.</summary>
    internal static string Value(Collection collection, string property) => property switch
    {
        "id" => collection.Id,
        "name" => collection.Name,
        "type" => collection.Type.ToWire(),
        "system" => collection.System ? "true" : "false",
        "created" => DateTimeText.Format(collection.Created),
        "updated" => DateTimeText.Format(collection.Updated),
        _ => throw new BadRequestException($"Invalid filter or sort: \"{property}\" is not one of {string.Join(", ", Properties)}."),
    };

    private static Func<Collection, bool> ParseFilter(string filter)
    {
        if (filter.Length > MaxFilterLength)
        {
            throw new BadRequestException($"Invalid filter: longer than {MaxFilterLength} characters.");
        }

        return new CollectionFilterParser(filter).Parse();
    }

    private static IEnumerable<Collection> Sort(IEnumerable<Collection> collections, string? sort)
    {
        var terms = (sort ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0)
        {
            return collections.OrderBy(c => c.Created).ThenBy(c => c.Name, StringComparer.Ordinal);
        }

        IOrderedEnumerable<Collection>? ordered = null;
        foreach (var term in terms.Take(8))
        {
            var descending = term.StartsWith('-');
            var property = term.TrimStart('-', '+');
            _ = Value(new Collection(), property);
            Func<Collection, string> key = c => Value(c, property);
            ordered = (ordered, descending) switch
            {
                (null, false) => collections.OrderBy(key, StringComparer.Ordinal),
                (null, true) => collections.OrderByDescending(key, StringComparer.Ordinal),
                (_, false) => ordered.ThenBy(key, StringComparer.Ordinal),
                (_, true) => ordered.ThenByDescending(key, StringComparer.Ordinal),
            };
        }

        return ordered!;
    }
}
