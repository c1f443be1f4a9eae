using System.Text.Json.Nodes;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>A UTC datetime with optional bounds (in PocketBase's layout, or empty).</summary>
public sealed record DateField : Field
{
    /// <inheritdoc />
    public override string Type => "date";

    /// <summary>The earliest allowed value, or empty.</summary>
    public string Min { get; init; } = "";

    /// <summary>The latest allowed value, or empty.</summary>
    public string Max { get; init; } = "";

    /// <summary>Non-empty values only.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    protected override ColumnSpec CreateColumn() => new(Name, ColumnType.DateTime);

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context)
    {
        var minOk = DateTimeText.TryParse(Min, out var min);
        var maxOk = DateTimeText.TryParse(Max, out var max);
        if (!minOk)
        {
            errors.Add("min", new ValidationError("validation_invalid_date", "Must be a valid date."));
        }

        if (!maxOk)
        {
            errors.Add("max", new ValidationError("validation_invalid_date", "Must be a valid date."));
        }
        else if (minOk && min is { } a && max is { } b && b < a)
        {
            errors.Add("max", ValidationError.Invalid("Must be no earlier than min."));
        }
    }

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override object? EmptyValue => null;

    /// <summary>Lenient date input (<see cref="DateTimeText.TryParse"/>); text that is not a date becomes the empty date, as in PocketBase.</summary>
    public override object? PrepareValue(JsonNode? input) => DateInput.Parse(input);

    /// <inheritdoc />
    public override ValidationError? ValidateValue(object? value)
    {
        if (StoredValue.AsDate(value) is not { } date)
        {
            return Required ? FieldErrors.Required() : null;
        }

        if (DateTimeText.TryParse(Min, out var min) && min is { } lower && date < lower)
        {
            return FieldErrors.MinDate(lower);
        }

        return DateTimeText.TryParse(Max, out var max) && max is { } upper && date > upper ? FieldErrors.MaxDate(upper) : null;
    }
}
