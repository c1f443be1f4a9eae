using SharpBase.Core.Common;
using System.Text.Json.Nodes;
using System.Text;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>Any JSON value, stored as written.</summary>
public sealed record JsonField : Field
{
    /// <summary>The size limit used when <see cref="MaxSize"/> is 0.</summary>
    public const long DefaultMaxSize = 1024 * 1024;

    /// <inheritdoc />
    public override string Type => "json";

    /// <summary>The largest serialized value in bytes; 0 means <see cref="DefaultMaxSize"/>.</summary>
    public long MaxSize { get; init; }

    /// <summary>Rejects null, "", [] and {}.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    protected override ColumnSpec CreateColumn() => new(Name, ColumnType.Json);

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context) =>
        FieldOptionChecks.NonNegative(errors, "maxSize", MaxSize);

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override object? EmptyValue => null;

    /// <summary>
    /// Text that is already JSON (starting with a digit, <c>-</c>, <c>"</c>, <c>[</c> or <c>{</c>) or a
    /// <c>null</c>/<c>true</c>/<c>false</c> literal is stored as that JSON, other text as a JSON string, and any other
    /// value as its JSON. Null stands for JSON null.
    /// </summary>
    public override object? PrepareValue(JsonNode? input) => JsonFieldValue.Prepare(input);

    /// <inheritdoc />
    public override ValidationError? ValidateValue(object? value)
    {
        var raw = StoredValue.AsString(value);
        var maxSize = MaxSize <= 0 ? DefaultMaxSize : MaxSize;
        if (Encoding.UTF8.GetByteCount(raw) > maxSize)
        {
            return FieldErrors.JsonSize(maxSize);
        }

        if (raw.Length > 0 && !JsonNumbers.IsValidDocument(raw))
        {
            return FieldErrors.InvalidJson();
        }

        return Required && raw.Trim() is "" or "null" or "\"\"" or "[]" or "{}" ? FieldErrors.Required() : null;
    }
}
