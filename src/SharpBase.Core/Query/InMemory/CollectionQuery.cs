using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Query.InMemory;

/// <summary>
/// Filtering and sorting of the collections list (superusers only) over <c>id</c>, <c>name</c>, <c>type</c>,
/// <c>system</c>, <c>created</c> and <c>updated</c>, as PocketBase's simple field resolver allows. The filter is the
/// filter language itself (the one parser, the in-memory evaluator), read as PocketBase's SQL reads its
/// <c>_collections</c> table: text columns, and <c>system</c> a boolean (1/0) column.
/// </summary>
public static class CollectionQuery
{
    private static readonly string[] Properties = ["id", "name", "type", "system", "created", "updated"];

    /// <summary>The collections matching <paramref name="filter"/>, ordered by <paramref name="sort"/> (default: created).</summary>
    public static IReadOnlyList<Collection> Apply(IEnumerable<Collection> collections, string? filter, string? sort, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(collections);
        var filtered = collections;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var node = FilterParser.ParseCached(filter);
            var now = (time ?? TimeProvider.System).GetUtcNow();
            filtered = collections.Where(c => FilterEvaluator.Evaluate(node, new CollectionScope(c, now))).ToArray();
        }

        return Sort(filtered, sort).ToArray();
    }

    /// <summary>The value of a filterable property as text (for sorting).</summary>
    private static string Text(Collection collection, string property) => property switch
    {
        "id" => collection.Id,
        "name" => collection.Name,
        "type" => collection.Type.ToWire(),
        "system" => collection.System ? "1" : "0",
        "created" => DateTimeText.Format(collection.Created),
        "updated" => DateTimeText.Format(collection.Updated),
        _ => throw new BadRequestException($"Invalid filter or sort: \"{property}\" is not one of {string.Join(", ", Properties)}."),
    };

    private static IEnumerable<Collection> Sort(IEnumerable<Collection> collections, string? sort)
    {
        var terms = (sort ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0)
        {
            return collections.OrderBy(c => c.Created).ThenBy(c => c.Name, StringComparer.Ordinal);
        }

        IOrderedEnumerable<Collection>? ordered = null;
        foreach (var term in terms.Take(FilterLimits.MaxSortTerms))
        {
            var descending = term.StartsWith('-');
            var property = term.TrimStart('-', '+');
            _ = Text(new Collection(), property);
            Func<Collection, string> key = c => Text(c, property);
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

    // One collection as a row of _collections: TEXT columns and the BOOLEAN (NUMERIC, 1/0) system column.
    private sealed class CollectionScope(Collection collection, DateTimeOffset now) : IFilterScope
    {
        public FilterValue Resolve(IdentifierOperand identifier)
        {
            var name = identifier.Path;
            if (name.StartsWith('@'))
            {
                return DateTimeMacros.TryGetValue(name, now, out var macro)
                    ? FilterValue.Of(macro) with { IsLiteral = true }
                    : throw new FilterFieldException($"unknown identifier {FilterSyntaxException.Snippet(name)}", identifier.Position);
            }

            return name switch
            {
                "system" => FilterValue.Of(collection.System) with { Affinity = SqlAffinity.Numeric },
                "id" or "name" or "type" or "created" or "updated" => FilterValue.Of(Text(collection, name)) with { Affinity = SqlAffinity.Text },
                _ => throw new FilterFieldException($"unknown field {FilterSyntaxException.Snippet(name)}", identifier.Position),
            };
        }

        public FilterValue Call(FunctionOperand function, IReadOnlyList<FilterValue> arguments) =>
            FilterFunctions.Invoke(function, arguments, now);
    }
}
