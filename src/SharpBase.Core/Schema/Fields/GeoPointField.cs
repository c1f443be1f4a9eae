using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>A <c>{lon, lat}</c> point; <see cref="Required"/> rejects (0, 0).</summary>
public sealed record GeoPointField : Field
{
    /// <summary>The stored empty value.</summary>
    public const string EmptyJson = """{"lon":0,"lat":0}""";

    /// <inheritdoc />
    public override string Type => "geoPoint";

    /// <summary>Rejects the zero point.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    protected override ColumnSpec CreateColumn() => new(Name, ColumnType.Json, JsonDefault: EmptyJson);

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override object? EmptyValue => EmptyJson;

    /// <summary>An object, or JSON text of one, with numeric <c>lon</c> and <c>lat</c>; anything else is (0, 0).</summary>
    public override object? PrepareValue(JsonNode? input) => GeoPointValue.From(input).ToStored();

    /// <inheritdoc />
    public override ValidationError? ValidateValue(object? value)
    {
        var point = GeoPointValue.FromStored(value);
        if (point is { Lat: 0, Lon: 0 })
        {
            return Required ? FieldErrors.Required() : null;
        }

        if (point.Lat is < -90 or > 90)
        {
            return FieldErrors.Latitude();
        }

        return point.Lon is < -180 or > 180 ? FieldErrors.Longitude() : null;
    }
}
