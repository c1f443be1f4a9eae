using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>A field that holds one value (a string column) or, with maxSelect above 1, a JSON array.</summary>
public abstract record MultiValueField : Field
{
    /// <summary>The largest number of values; 0 or 1 means a single value.</summary>
    public int MaxSelect { get; init; }

    /// <summary>True when the field holds an array.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsMultiple => MaxSelect > 1;

    /// <summary>Non-empty values only.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    protected override ColumnSpec CreateColumn() => IsMultiple ? new(Name, ColumnType.Json, JsonDefault: "[]") : new(Name, ColumnType.Text);

    /// <inheritdoc />
    public override bool NarrowsFrom(Field previous) =>
        previous is MultiValueField old ? old.IsMultiple && !IsMultiple : base.NarrowsFrom(previous);
}
