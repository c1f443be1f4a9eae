using System.Text.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Records;

namespace SharpBase.Core.Query;

/// <summary>JSON helpers for the evaluator: <c>json_extract</c>-like reads and JSON-to-scalar conversion.</summary>
internal static class JsonValues
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Reads <paramref name="path"/> in each row's JSON column; NULL/'' folding is off, as for json_extract.</summary>
    public static FilterValue Extract(IReadOnlyList<RecordRow> rows, string field, IReadOnlyList<string> path, bool multi, bool lower)
    {
        var items = rows.Select(row =>
        {
            var value = ToScalar(Navigate(Parse(row.Values.GetValueOrDefault(field)), path));
            return lower ? SqlValues.Lower(value) : value;
        }).ToArray();
        var result = multi ? FilterValue.List(items) : FilterValue.Of(items.Length > 0 ? items[0] : null);
        return result with { DisableNullFolding = true };
    }

    /// <summary>Parses stored JSON (text, or an already-built node); null when absent or invalid.</summary>
    public static JsonNode? Parse(object? raw)
    {
        switch (raw)
        {
            case null:
                return null;
            case JsonNode node:
                return node;
            case string text:
                try
                {
                    return JsonNode.Parse(text, documentOptions: Options);
                }
                catch (JsonException)
                {
                    return null;
                }

            default:
                return JsonSerializer.SerializeToNode(raw);
        }
    }

    /// <summary>Follows object keys and numeric array indexes; null when a step is missing.</summary>
    public static JsonNode? Navigate(JsonNode? node, IReadOnlyList<string> path)
    {
        foreach (var key in path)
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(key, out var child) ? child : null,
                JsonArray array when int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>json_extract's SQL value: text, number, 1/0 for booleans, NULL, or compact JSON for containers.</summary>
    public static object? ToScalar(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node?.ToJsonString();
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    /// <summary>The string items of a JSON array text; non-string items are kept as their JSON text.</summary>
    public static IReadOnlyList<string> ParseStringArray(string text) =>
        Parse(text) is JsonArray array
            ? array.Select(item => SqlValues.ToText(ToScalar(item)) ?? "").Where(x => x.Length > 0).ToArray()
            : [];
}
