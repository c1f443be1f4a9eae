using SharpBase.Core.Common;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpBase.Core.Records.Values;

/// <summary>A geoPoint value: longitude and latitude in degrees.</summary>
internal readonly record struct GeoPointValue(double Lon, double Lat)
{
    /// <summary>Reads an object, or JSON text of one, with <c>lon</c> and <c>lat</c> (matched case-insensitively, as Go does); anything else is (0, 0).</summary>
    public static GeoPointValue From(JsonNode? input)
    {
        if (input is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return FromText(value.GetValue<string>());
        }

        if (input is not JsonObject obj)
        {
            return default;
        }

        double lon = 0, lat = 0;
        foreach (var (key, item) in obj)
        {
            if (item is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
            {
                continue;
            }

            if (key.Equals("lon", StringComparison.OrdinalIgnoreCase))
            {
                lon = GoCast.NumberOf(number);
            }
            else if (key.Equals("lat", StringComparison.OrdinalIgnoreCase))
            {
                lat = GoCast.NumberOf(number);
            }
        }

        return new GeoPointValue(lon, lat);
    }

    /// <summary>Reads stored JSON text (or a node); null and invalid text are (0, 0).</summary>
    public static GeoPointValue FromStored(object? stored) => stored switch
    {
        string text => FromText(text),
        JsonNode node => From(node),
        _ => default,
    };

    /// <summary>The stored JSON text, e.g. <c>{"lon":0,"lat":0}</c>.</summary>
    public string ToStored() => $$"""{"lon":{{GoCast.FormatJsonNumber(Lon)}},"lat":{{GoCast.FormatJsonNumber(Lat)}}}""";

    /// <summary>The value written out.</summary>
    public JsonObject ToJson() => new() { ["lon"] = Lon, ["lat"] = Lat };

    private static GeoPointValue FromText(string text)
    {
        if (text.Length == 0)
        {
            return default;
        }

        try
        {
            return From(JsonNode.Parse(text));
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
