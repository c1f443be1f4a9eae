using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Query.InMemory;

public sealed partial class RecordFilterScope
{
    // The records a path has reached, their collection, whether a multiple hop was crossed, hidden-field access, and
    // the path walked so far ("rels.", "rel.items_via_rel."): SQL registers one join per such path and every comparison
    // of the filter reads the same joined row, so values read on the same path pair up row by row (FilterValue.JoinKey).
    // A null row is the LEFT JOIN's row of NULLs: a relation id with no record, or no related record at all.
    private sealed record PathState(IReadOnlyList<RecordRow?> Rows, Collection Collection, bool Multi, bool AllowHidden, string Key = "");

    private FilterValue ResolvePath(PathState state, IReadOnlyList<string> segments, int start, string? modifier, bool nullifyMissing, int position)
    {
        var hops = 0;
        for (var i = start; i < segments.Count; i++)
        {
            var name = segments[i];
            var last = i == segments.Count - 1;
            var field = FieldNames.Find(state.Collection, name);
            if (field is null)
            {
                if (!FieldNames.TryParseBackRelation(name, out var backCollection, out var backField) || last)
                {
                    return nullifyMissing ? FilterValue.Null : throw UnknownField(name, position);
                }

                state = FollowBackRelation(state, backCollection, backField, name, position);
                CountHop(ref hops, name, position);
                continue;
            }

            if (field.Hidden && !state.AllowHidden)
            {
                throw new FilterFieldException($"field {FilterSyntaxException.Snippet(name)} is not filterable", position);
            }

            if (last)
            {
                return FieldValue(state, field, modifier, position);
            }

            if (field is JsonField or GeoPointField)
            {
                return JsonValues.Extract(state.Rows, field.Name, segments.Skip(i + 1).ToArray(), state.Multi, modifier == "lower");
            }

            if (field is not RelationField relation)
            {
                return nullifyMissing ? FilterValue.Null : throw UnknownField(string.Join('.', segments.Skip(start).Take(i - start + 2)), position);
            }

            CountHop(ref hops, name, position);
            var target = RequireLookup(position).FindCollection(relation.CollectionId) ?? throw UnknownField(name, position);
            var rows = state.Rows.SelectMany(r => Joined(r is null ? [] : StoredItems(r, relation).Select(id => _lookup!.Find(target, id)).ToArray())).ToArray();
            state = new PathState(rows, target, state.Multi || relation.IsMultiple, state.AllowHidden, state.Key + name + ".");
        }

        return FilterValue.Null;
    }

    private PathState FollowBackRelation(PathState state, string collectionName, string fieldName, string name, int position)
    {
        var lookup = RequireLookup(position);
        var target = lookup.FindCollection(collectionName);
        if (target is null || FieldNames.Find(target, fieldName) is not RelationField relation || relation.CollectionId != state.Collection.Id)
        {
            throw UnknownField(name, position);
        }

        var rows = state.Rows.SelectMany(r => Joined(r is null ? [] : lookup.FindReferencing(target, relation.Name, r.Id))).ToArray();
        return new PathState(rows, target, true, state.AllowHidden, state.Key + name + ".");
    }

    private static FilterValue FieldValue(PathState state, Field field, string? modifier, int position)
    {
        if (modifier is "isset" or "changed")
        {
            throw new FilterFieldException($"the :{modifier} modifier works only on @request fields", position);
        }

        if (field is JsonField)
        {
            return JsonValues.Extract(state.Rows, field.Name, [], state.Multi, modifier == "lower");
        }

        var multiValue = field as MultiValueField;
        // :each over a path through a multiple relation nests two joins: its items have no single row to pair on.
        var eachKey = state.Multi ? null : state.Key + field.Name + ":each";
        return modifier switch
        {
            "length" when multiValue is not null => Collect(state, field, r => [Length(r, multiValue)], false),
            "each" when multiValue is not null => Collect(state, field, r => JsonValues.EachItems(Stored(r, field)), multiValue.IsMultiple) with { JoinKey = eachKey },
            "lower" => Collect(state, field, r => [SqlValues.Lower(Stored(r, field))], false),
            _ => Collect(state, field, r => [Stored(r, field)], false) with { Affinity = ColumnAffinity(field) },
        };
    }

    /// <summary>
    /// SQLite's affinity of the field's column, as the SQL compiler's Runner.ColumnTerm sees it: TEXT for text, date and
    /// single select/relation/file columns; NUMERIC for number and bool columns and the JSON column of a multiple
    /// select/relation/file (declared <c>JSON</c>); none for json and geoPoint fields, which are read through json_extract.
    /// </summary>
    internal static SqlAffinity ColumnAffinity(Field field) => field switch
    {
        JsonField or GeoPointField => SqlAffinity.None,
        MultiValueField { IsMultiple: true } => SqlAffinity.Numeric,
        _ => field.Column.Type switch
        {
            Storage.Schema.ColumnType.Number or Storage.Schema.ColumnType.Bool or Storage.Schema.ColumnType.Json => SqlAffinity.Numeric,
            _ => SqlAffinity.Text,
        },
    };

    // One value per reached row (or several for :each); scalar unless the path or the modifier is multi-valued. One
    // value per row of a multiple path pairs with the other values read on that path.
    private static FilterValue Collect(PathState state, Field field, Func<RecordRow, IReadOnlyList<object?>> read, bool multiItems)
    {
        var privateEmail = field.Name == "email" && state.Collection.Type == CollectionType.Auth && !state.AllowHidden;
        var items = new List<object?>();
        var hidden = false;
        foreach (var row in state.Rows)
        {
            if (row is null)
            {
                items.Add(null);
                continue;
            }

            if (privateEmail && !row.GetBool("emailVisibility"))
            {
                hidden = true;
                continue;
            }

            items.AddRange(read(row));
        }

        if (state.Multi || multiItems)
        {
            var onePerRow = state.Multi && !multiItems && !hidden;
            return FilterValue.List(items) with { JoinKey = onePerRow ? state.Key : null };
        }

        return hidden ? FilterValue.Null with { Unmatchable = true } : FilterValue.Of(items.Count > 0 ? items[0] : null);
    }

    private static object? Stored(RecordRow row, Field field)
    {
        var raw = row.Values.GetValueOrDefault(field.Name);
        return field switch
        {
            DateField or AutodateField => raw is DateTimeOffset or null ? Common.DateTimeText.Format(raw as DateTimeOffset?) : raw,
            BoolField => raw is true,
            NumberField when raw is double or float or decimal or int or long => SqlValues.StoredNumber(Convert.ToDouble(raw, System.Globalization.CultureInfo.InvariantCulture)),
            MultiValueField { IsMultiple: true } when raw is not string => System.Text.Json.JsonSerializer.Serialize(ToStrings(raw)),
            _ => raw,
        };
    }

    // :length as the SQL computes it: json_array_length of a multiple field's column; 0 or 1 for a single one.
    private static object? Length(RecordRow row, MultiValueField field) => field.IsMultiple
        ? JsonValues.ArrayLength(Stored(row, field) as string)
        : Stored(row, field) is null or "" ? 0L : 1L;

    /// <summary>The items of a select/relation/file value: a JSON array (multiple) or one non-empty text.</summary>
    private static IReadOnlyList<string> StoredItems(RecordRow row, MultiValueField field) =>
        ToStrings(row.Values.GetValueOrDefault(field.Name));

    private static IReadOnlyList<string> ToStrings(object? raw) => raw switch
    {
        null => [],
        string s when s.TrimStart().StartsWith('[') => JsonValues.ParseStringArray(s),
        string s => s.Length == 0 ? [] : [s],
        IEnumerable<string> list => list.Where(x => x.Length > 0).ToArray(),
        _ => [],
    };

    // The rows a LEFT JOIN gives for one source row: the joined records (NULLs where an id has none), or one NULL row.
    private static IReadOnlyList<RecordRow?> Joined(IReadOnlyList<RecordRow?> rows) => rows.Count > 0 ? rows : [null];

    private IRecordLookup RequireLookup(int position) =>
        _lookup ?? throw new FilterFieldException("relation paths need a record lookup", position);

    private static void CountHop(ref int hops, string name, int position)
    {
        if (++hops > FilterLimits.MaxRelationDepth)
        {
            throw new FilterFieldException($"more than {FilterLimits.MaxRelationDepth} relation hops at {FilterSyntaxException.Snippet(name)}", position);
        }
    }

    private static FilterFieldException UnknownField(string name, int position) =>
        new($"unknown field {FilterSyntaxException.Snippet(name)}", position);
}
