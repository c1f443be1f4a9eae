using System.Text.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Common;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Records.Values;

/// <summary>Stored field values as written out in record JSON (wire reference §3.2).</summary>
public static class RecordValueWriter
{
    /// <summary>
    /// The JSON for <paramref name="stored"/>: text as a string, numbers (integers without a decimal point), bools,
    /// dates in PocketBase's layout or "", multi-value fields as arrays and single ones as a string, json raw, geoPoint
    /// as <c>{lon, lat}</c>. Password values are never written: the result is null and callers leave the key out.
    /// </summary>
    public static JsonNode? ToJson(Field field, object? stored) => field switch
    {
        PasswordField => null,
        MultiValueField multi => MultiValue(multi, stored),
        JsonField => JsonOf(stored),
        GeoPointField => GeoPointValue.FromStored(stored).ToJson(),
        DateField or AutodateField => JsonValue.Create(DateTimeText.Format(StoredValue.AsDate(stored))),
        NumberField => JsonValue.Create(StoredValue.AsDouble(stored) is var d && double.IsFinite(d) ? d : 0d),
        BoolField => JsonValue.Create(StoredValue.AsBool(stored)),
        _ => JsonValue.Create(StoredValue.AsString(stored)),
    };

    /// <summary>Writes what <see cref="ToJson"/> returns straight to <paramref name="writer"/>, with no DOM (the hot path).</summary>
    public static void Write(Utf8JsonWriter writer, Field field, object? stored)
    {
        switch (field)
        {
            case MultiValueField { IsMultiple: true }:
                writer.WriteStartArray();
                foreach (var value in StringList.FromStored(stored))
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
                break;
            case MultiValueField when stored is string single && !single.StartsWith('['):
                writer.WriteStringValue(single);
                break;
            case MultiValueField:
                var values = StringList.FromStored(stored);
                writer.WriteStringValue(values.Count > 0 ? values[^1] : "");
                break;
            case JsonField when stored is string { Length: > 0 } text:
                writer.WriteRawValue(text);
                break;
            case JsonField:
                writer.WriteNullValue();
                break;
            case GeoPointField:
                var point = GeoPointValue.FromStored(stored);
                writer.WriteStartObject();
                writer.WriteNumber("lon", point.Lon);
                writer.WriteNumber("lat", point.Lat);
                writer.WriteEndObject();
                break;
            case DateField or AutodateField when StoredValue.AsDate(stored) is { } date:
                Span<char> formatted = stackalloc char[DateTimeText.Length];
                DateTimeText.Write(date, formatted);
                writer.WriteStringValue(formatted);
                break;
            case DateField or AutodateField:
                writer.WriteStringValue("");
                break;
            case NumberField:
                writer.WriteNumberValue(StoredValue.AsDouble(stored) is var d && double.IsFinite(d) ? d : 0d);
                break;
            case BoolField:
                writer.WriteBooleanValue(StoredValue.AsBool(stored));
                break;
            default:
                writer.WriteStringValue(StoredValue.AsString(stored));
                break;
        }
    }

    private static JsonNode MultiValue(MultiValueField field, object? stored)
    {
        var values = StringList.FromStored(stored);
        if (field.IsMultiple)
        {
            return new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        return JsonValue.Create(values.Count > 0 ? values[^1] : "");
    }

    private static JsonNode? JsonOf(object? stored)
    {
        if (stored is JsonNode node)
        {
            return node.DeepClone();
        }

        if (stored is not string text || text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
