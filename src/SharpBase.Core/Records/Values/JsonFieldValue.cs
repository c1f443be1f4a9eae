using SharpBase.Core.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpBase.Core.Records.Values;

/// <summary>The json field's input conversion (PocketBase's <c>JSONField.PrepareValue</c>) and its JSON text checks.</summary>
internal static class JsonFieldValue
{
    /// <summary>The stored JSON text for a body value; null for JSON null.</summary>
    public static string? Prepare(JsonNode? input)
    {
        if (input is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (text == "null")
            {
                return null;
            }

            if (text is "true" or "false" || (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '"' or '[' or '{') && JsonNumbers.IsValidDocument(text)))
            {
                return text;
            }

            return GoQuote(text);
        }

        if (input is null || input.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        var builder = new StringBuilder();
        WriteGo(builder, input);
        return builder.ToString();
    }

    /// <summary>Go's <c>json.Marshal</c> of a decoded value: object keys sorted, numbers as float64.</summary>
    private static void WriteGo(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "" : ",").Append(JsonSerializer.Serialize(key)).Append(':');
                    WriteGo(builder, item);
                    first = false;
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i > 0 ? "," : "");
                    WriteGo(builder, array[i]);
                }

                builder.Append(']');
                break;
            default:
                builder.Append(node.GetValueKind() == JsonValueKind.Number
                    ? GoCast.FormatJsonNumber(GoCast.NumberOf(node))
                    : node.ToJsonString());
                break;
        }
    }

    /// <summary>
    /// Go's <c>strconv.Quote</c>. Its <c>\a</c>, <c>\v</c> and <c>\xNN</c> escapes are not JSON, so such text fails
    /// validation with <c>validation_invalid_json</c>, as in PocketBase.
    /// </summary>
    private static string GoQuote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                < ' ' or '\u007f' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
