using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;

namespace SharpBase.Core.Schema.Fields;

/// <summary>One or more values from a fixed list.</summary>
public sealed record SelectField : MultiValueField
{
    /// <inheritdoc />
    public override string Type => "select";

    /// <summary>The allowed values.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context)
    {
        if (Values.Count == 0)
        {
            errors.Add("values", ValidationError.Required());
        }
        else if (Values.Distinct(StringComparer.Ordinal).Count() != Values.Count)
        {
            errors.Add("values", new ValidationError("validation_duplicated_values", "Values must be unique."));
        }

        if (MaxSelect < 0 || (Values.Count > 0 && MaxSelect > Values.Count))
        {
            errors.Add("maxSelect", ValidationError.Invalid("Must be between 0 and the number of values."));
        }
    }

    /// <inheritdoc />
    public override ValidationError? ValidateValue(object? value)
    {
        var values = StringList.FromStored(value);
        if (values.Count == 0)
        {
            return Required ? FieldErrors.Required() : null;
        }

        var maxSelect = Math.Max(MaxSelect, 1);
        if (values.Count > maxSelect)
        {
            return FieldErrors.TooManyValues(maxSelect);
        }

        var invalid = values.FirstOrDefault(v => !Values.Contains(v, StringComparer.Ordinal));
        return invalid is null ? null : FieldErrors.InvalidSelectValue(invalid);
    }
}
