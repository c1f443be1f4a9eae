using SharpBase.Core.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpBase.Core.Records.Values;

/// <summary>
/// PocketBase's <c>list.ToUniqueStringSlice</c>: the values of a select, relation or file field as a list without
/// empty strings or duplicates (first occurrence kept).
/// </summary>
internal static class StringList
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A body value: a string (JSON array text when it contains <c>[</c> and parses), a scalar, or an array of scalars.</summary>
    public static List<string> FromInput(JsonNode? input)
    {
        switch (input)
        {
            case JsonArray array:
                var items = new List<string>(array.Count);
                foreach (var item in array)
                {
                    if (GoCast.TryToText(item) is not { } text)
                    {
                        return [];
                    }

                    items.Add(text);
                }

                return NonzeroUniques(items);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return FromText(value.GetValue<string>());
            case JsonValue value:
                return NonzeroUniques([GoCast.TryToText(value) ?? ""]);
            default:
                return [];
        }
    }

    /// <summary>A file field body value: like <see cref="FromInput"/>, but each array element is read on its own and kept when it gives one name.</summary>
    public static List<string> FromFileInput(JsonNode? input)
    {
        if (input is not JsonArray array)
        {
            return FromInput(input);
        }

        var names = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (FromInput(item) is [var single])
            {
                names.Add(single);
            }
        }

        return NonzeroUniques(names);
    }

    /// <summary>A stored value: single-value text, JSON array text, a list, or null.</summary>
    public static List<string> FromStored(object? stored) => stored switch
    {
        null => [],
        string text => FromText(text),
        JsonNode node => FromInput(node),
        IEnumerable<string> list => NonzeroUniques(list),
        _ => [],
    };

    /// <summary>The string case: a JSON array of strings when it contains <c>[</c> and decodes (Go's rules), else the string itself.</summary>
    public static List<string> FromText(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        if (!text.Contains('[', StringComparison.Ordinal))
        {
            return [text];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return [text];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return [text];
            }

            // Go's decoder leaves mismatched elements as "" and reports the error, after which the caller adds the raw text.
            var items = new List<string>();
            var mismatch = false;
            foreach (var item in root.EnumerateArray())
            {
                items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : "");
                mismatch |= item.ValueKind is not (JsonValueKind.String or JsonValueKind.Null);
            }

            if (mismatch)
            {
                items.Add(text);
            }

            return NonzeroUniques(items);
        }
    }

    /// <summary>Drops empty strings and later duplicates.</summary>
    public static List<string> NonzeroUniques(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return values.Where(v => v.Length > 0 && seen.Add(v)).ToList();
    }

    /// <summary>The stored JSON array text, e.g. <c>["a","b"]</c>.</summary>
    public static string ToJsonText(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, JsonOptions);

    /// <summary>The stored form: JSON array text for multi-value fields, otherwise the last value or "".</summary>
    public static string ToStored(IReadOnlyList<string> values, bool multiple) =>
        multiple ? ToJsonText(values) : values.Count > 0 ? values[^1] : "";
}
