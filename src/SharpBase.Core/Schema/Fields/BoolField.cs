using SharpBase.Core.Common;
using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>A boolean; <see cref="Required"/> means it must be true.</summary>
public sealed record BoolField : Field
{
    /// <inheritdoc />
    public override string Type => "bool";

    /// <summary>Only true is accepted.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    protected override ColumnSpec CreateColumn() => new(Name, ColumnType.Bool);

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override object? EmptyValue => false;

    /// <inheritdoc />
    public override object? PrepareValue(JsonNode? input) => GoCast.ToBool(input);

    /// <inheritdoc />
    public override ValidationError? ValidateValue(object? value) =>
        Required && !StoredValue.AsBool(value) ? FieldErrors.Required() : null;
}
