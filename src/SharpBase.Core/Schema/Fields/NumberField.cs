using SharpBase.Core.Common;
using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;
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

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override object? EmptyValue => 0d;

    /// <inheritdoc />
    public override object? PrepareValue(JsonNode? input) => GoCast.ToNumber(input);

    /// <inheritdoc />
    public override bool SupportsModifier(FieldModifier modifier) => modifier is FieldModifier.Set or FieldModifier.Append or FieldModifier.Remove;

    /// <inheritdoc />
    public override object? ApplyModifier(object? current, FieldModifier modifier, JsonNode? input) => modifier switch
    {
        FieldModifier.Set => GoCast.ToNumber(input),
        FieldModifier.Append => StoredValue.AsDouble(current) + GoCast.ToNumber(input),
        FieldModifier.Remove => StoredValue.AsDouble(current) - GoCast.ToNumber(input),
        _ => current,
    };

    /// <inheritdoc />
    public override ValidationError? ValidateValue(object? value)
    {
        var number = StoredValue.AsDouble(value);
        if (!double.IsFinite(number))
        {
            return FieldErrors.NotANumber();
        }

        if (number == 0)
        {
            return Required ? FieldErrors.Required() : null;
        }

        if (OnlyInt && (number != Math.Truncate(number) || Math.Abs(number) >= 9.2233720368547758E+18))
        {
            return FieldErrors.OnlyInt();
        }

        if (Min is { } min && number < min)
        {
            return FieldErrors.MinNumber(min);
        }

        return Max is { } max && number > max ? FieldErrors.MaxNumber(max) : null;
    }
}
