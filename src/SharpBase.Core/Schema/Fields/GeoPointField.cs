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
}
