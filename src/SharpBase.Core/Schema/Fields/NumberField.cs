using SharpBase.Core.Errors;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>A 64-bit float with optional bounds.</summary>
public sealed record NumberField : Field
{
    /// <inheritdoc />
    public override string Type => "number";

    /// <summary>The smallest allowed value, or null for none.</summary>
    public double? Min { get; init; }

    /// <summary>The largest allowed value, or null for none.</summary>
    public double? Max { get; init; }

    /// <summary>Integers only.</summary>
    public bool OnlyInt { get; init; }

    /// <summary>Non-zero values only.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    protected override ColumnSpec CreateColumn() => new(Name, ColumnType.Number);

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context)
    {
        if (Min is { } min && Max is { } max && max < min)
        {
            errors.Add("max", ValidationError.Invalid("Must be no less than min."));
        }
    }
}
