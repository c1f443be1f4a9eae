using System.Text;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;

namespace SharpBase.Core.Schema.Fields;

/// <summary>Rich text (HTML).</summary>
public sealed record EditorField : Field
{
    /// <summary>The size limit used when <see cref="MaxSize"/> is 0.</summary>
    public const long DefaultMaxSize = 5 * 1024 * 1024;

    /// <inheritdoc />
    public override string Type => "editor";

    /// <summary>The largest value in bytes; 0 means <see cref="DefaultMaxSize"/>.</summary>
    public long MaxSize { get; init; }

    /// <summary>A dashboard hint for the editor's link handling.</summary>
    public bool ConvertURLs { get; init; }

    /// <summary>Non-empty values only.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context) =>
        FieldOptionChecks.NonNegative(errors, "maxSize", MaxSize);

    /// <inheritdoc />
    public override ValidationError? ValidateValue(object? value)
    {
        var text = StoredValue.AsString(value);
        if (Required && text.Length == 0)
        {
            return FieldErrors.Required();
        }

        var maxSize = MaxSize <= 0 ? DefaultMaxSize : MaxSize;
        return Encoding.UTF8.GetByteCount(text) > maxSize ? FieldErrors.ContentSize(maxSize) : null;
    }
}
