using SharpBase.Core.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Query.InMemory;

public sealed partial class RecordFilterScope
{
    private static readonly string[] StaticAuthFields = ["id", "collectionId", "collectionName", "email", "emailVisibility", "verified"];

    private FilterValue ResolveRequest(FilterPath path, int position)
    {
        var segments = path.Segments;
        var modifier = path.Modifier;
        var section = segments.Count > 1 ? segments[1] : "";
        switch (section)
        {
            case "context" or "method" when segments.Count == 2:
                return Static(section == "method" ? _request.Method : _request.Context, true, modifier, position);
            case "query" or "headers" when segments.Count == 3:
                var source = section == "query" ? _request.Query : _request.Headers;
                var found = source.TryGetValue(segments[2], out var text);
                return Static(text, found, modifier, position);
            case "auth" when segments.Count > 2:
                return ResolveAuth(segments, modifier, position);
            case "body" when segments.Count > 2:
                return ResolveBody(segments, modifier, position);
            default:
                return Static(null, false, modifier, position);
        }
    }

    private FilterValue ResolveAuth(IReadOnlyList<string> segments, string? modifier, int position)
    {
        var auth = _request.Auth;
        if (auth is null)
        {
            return Static(null, false, modifier, position);
        }

        var name = segments[2];
        if (segments.Count == 3 && StaticAuthFields.Contains(name))
        {
            object? value = name switch
            {
                "id" => auth.Id,
                "collectionId" => auth.Collection.Id,
                "collectionName" => auth.Collection.Name,
                "email" => auth.GetString("email"),
                _ => auth.GetBool(name),
            };
            return Static(value, true, modifier, position);
        }

        if (modifier == "isset")
        {
            return Static(null, segments.Count == 3 && FieldNames.Find(auth.Collection, name) is not null, "isset", position);
        }

        // Like PocketBase's join on the auth collection: the caller may read its own hidden fields; missing → NULL.
        return ResolvePath(new PathState([auth], auth.Collection, false, true, "@request.auth."), segments, 2, modifier, true, position);
    }

    private FilterValue ResolveBody(IReadOnlyList<string> segments, string? modifier, int position)
    {
        var name = segments[2];
        var present = _request.Body.TryGetPropertyValue(name, out var node);
        var field = FieldNames.Find(_record.Collection, name);
        if (field is RelationField relation && segments.Count > 3)
        {
            var target = RequireLookup(position).FindCollection(relation.CollectionId) ?? throw UnknownField(name, position);
            var ids = BodyRelationIds.Of(node);
            // Joined by "id IN (ids)": ids without a record give no row; none at all gives the one NULL row.
            var rows = Joined(ids.Select(id => _lookup!.Find(target, id)).OfType<Records.RecordRow>().ToArray());
            return ResolvePath(new PathState(rows, target, relation.IsMultiple, AllowHiddenFields, "@request.body." + name + "."), segments, 3, modifier, false, position);
        }

        if (field is not null && segments.Count == 3)
        {
            switch (modifier)
            {
                case "each":
                    var items = BodyItems(node);
                    return FilterValue.List(items) with { MatchAll = (field as MultiValueField)?.IsMultiple ?? false, JoinKey = "@request.body." + name + ":each" };
                case "length" when field is MultiValueField:
                    return FilterValue.Of((long)BodyItems(node).Length);
                case "lower":
                    // LOWER(cast.ToString(value)), as the SQL binds it: Go's text of numbers and bools.
                    return FilterValue.Of(SqlValues.Lower(GoCast.ToText(node))) with { IsLiteral = true };
                case "changed":
                    // @request.body.f:isset = true && @request.body.f != f
                    var bodyValue = FilterValue.Of(BodyScalar(node, field)) with { IsLiteral = true };
                    var stored = FilterValue.Of(CanonicalStored(field)) with { Affinity = ColumnAffinity(field) };
                    var changed = present && FilterEvaluator.Compare(bodyValue, ComparisonOperator.NotEqual, stored);
                    return FilterValue.Of(changed) with { DisableNullFolding = true };
            }
        }

        if (modifier == "changed")
        {
            throw new FilterFieldException("the :changed modifier works only on @request.body fields of the collection", position);
        }

        var value = JsonValues.Navigate(node, segments.Skip(3).ToArray());
        var exists = present && (segments.Count == 3 || value is not null);
        return Static(segments.Count == 3 ? BodyScalar(node, field) : JsonValues.ToScalar(value), exists, modifier, position);
    }

    // A body value as PocketBase binds it: plain values as they are, containers as JSON text, numeric text for a
    // number field as a number (multipart sends numbers as text).
    private static object? BodyScalar(JsonNode? node, Field? field)
    {
        var scalar = JsonValues.ToScalar(node);
        if (field is NumberField && scalar is string text &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return field is MultiValueField { IsMultiple: true } && node is JsonArray array
            ? System.Text.Json.JsonSerializer.Serialize(BodyItems(array))
            : scalar;
    }

    private object? CanonicalStored(Field field) =>
        field is MultiValueField { IsMultiple: true } multi
            ? System.Text.Json.JsonSerializer.Serialize(StoredItems(_record, multi))
            : Stored(_record, field);

    private static string[] BodyItems(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(i => SqlValues.ToText(JsonValues.ToScalar(i)) ?? "").Where(x => x.Length > 0).ToArray(),
        null => [],
        _ => SqlValues.ToText(JsonValues.ToScalar(node)) is { Length: > 0 } single ? [single] : [],
    };

    // A static request value: bound as a parameter (so IsLiteral), NULL when missing; :isset and :lower apply.
    private static FilterValue Static(object? value, bool exists, string? modifier, int position) => modifier switch
    {
        "isset" => FilterValue.Of(exists) with { IsLiteral = true },
        "lower" => FilterValue.Of(SqlValues.Lower(value)) with { IsLiteral = true },
        null => FilterValue.Of(value) with { IsLiteral = true },
        _ => throw new FilterFieldException($"the :{modifier} modifier is not supported here", position),
    };
}
