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
}
