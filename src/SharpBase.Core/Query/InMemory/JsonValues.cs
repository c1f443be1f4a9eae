using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Records;

namespace SharpBase.Core.Query.InMemory;

/// <summary>JSON helpers for the evaluator: <c>json_extract</c>-like reads and JSON-to-scalar conversion.</summary>
internal static class JsonValues
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Reads <paramref name="path"/> in each row's JSON column; NULL/'' folding is off, as for json_extract.</summary>
    public static FilterValue Extract(IReadOnlyList<RecordRow?> rows, string field, IReadOnlyList<string> path, bool multi, bool lower)
    {
        var items = rows.Select(row =>
        {
            var value = ExtractStored(row?.Values.GetValueOrDefault(field), path);
            return lower ? SqlValues.Lower(value) : value;
        }).ToArray();
        var result = multi ? FilterValue.List(items) : FilterValue.Of(items.Length > 0 ? items[0] : null);
        return result with { DisableNullFolding = true };
    }

    /// <summary>
    /// SQLite's <c>json_extract</c> of a stored JSON value: text for strings, INTEGER (<see cref="long"/>) for numbers
    /// written without a fraction or exponent, REAL (<see cref="double"/>) for the others, 1/0 for booleans, NULL for
    /// null or a missing path, and containers as their stored text without insignificant whitespace (SQLite keeps
    /// tokens and escapes as written). Invalid JSON text at the root is the text itself (<c>json_quote</c>).
    /// </summary>
    public static object? ExtractStored(object? raw, IReadOnlyList<string> path)
    {
        // A json column is declared JSON (NUMERIC affinity): SQLite stores a bare number as INTEGER or REAL, which reads
        // back as SQLite's text of that number.
        var text = raw switch
        {
            null => null,
            string s when SqliteText.TryParseNumeric(s, out var number) => SqlValues.ToText(SqlValues.StoredNumber(number)),
            string s => s,
            double or long => SqlValues.ToText(SqlValues.StoredNumber(Convert.ToDouble(raw, CultureInfo.InvariantCulture))),
            JsonNode node => node.ToJsonString(),
            JsonElement element => element.GetRawText(),
            _ => JsonSerializer.Serialize(raw),
        };
        if (text is null)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            return path.Count == 0 ? text : null;
        }

        using (document)
        {
            var element = document.RootElement;
            foreach (var key in path)
            {
                var found = element.ValueKind switch
                {
                    JsonValueKind.Object => element.TryGetProperty(key, out var child) ? child : (JsonElement?)null,
                    JsonValueKind.Array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength() => element[index],
                    _ => null,
                };
                if (found is not { } next)
                {
                    return null;
                }

                element = next;
            }

            return ElementScalar(element);
        }
    }

    /// <summary>
    /// The rows of SQLite's <c>json_each(CASE WHEN json_valid(x) AND json_type(x) = 'array' THEN x ELSE json_array(x) END)</c>
    /// (the <c>:each</c> source): the items of a JSON array text as json_extract reads them, else the value itself.
    /// </summary>
    public static IReadOnlyList<object?> EachItems(object? raw)
    {
        if (raw is string text && TryParseArray(text, out var document))
        {
            using (document)
            {
                return document.RootElement.EnumerateArray().Select(ElementScalar).ToArray();
            }
        }

        return [raw];
    }

    /// <summary>SQLite's <c>json_array_length(x)</c>: the items of a JSON array text, 0 for other JSON, NULL for NULL.</summary>
    public static long? ArrayLength(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!TryParseArray(text, out var document))
        {
            return 0;
        }

        using (document)
        {
            return document.RootElement.GetArrayLength();
        }
    }

    private static bool TryParseArray(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonDocument? document)
    {
        document = null;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            return false;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        document.Dispose();
        document = null;
        return false;
    }

    private static object? ElementScalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => SqlNumber(element.GetRawText()),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object or JsonValueKind.Array => Minify(element.GetRawText()),
        _ => null,
    };

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

    private static object SqlNumber(string token) =>
        token.AsSpan().IndexOfAny('.', 'e', 'E') < 0 && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? (object)integer
            : double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Minify(string json)
    {
        var builder = new StringBuilder(json.Length);
        var inString = false;
        var escaped = false;
        foreach (var c in json)
        {
            if (inString)
            {
                builder.Append(c);
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c is ' ' or '\t' or '\n' or '\r')
            {
                continue;
            }

            inString = c == '"';
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The string items of a JSON array text; non-string items are kept as their JSON text.</summary>
    public static IReadOnlyList<string> ParseStringArray(string text) =>
        Parse(text) is JsonArray array
            ? array.Select(item => SqlValues.ToText(ToScalar(item)) ?? "").Where(x => x.Length > 0).ToArray()
            : [];
}
