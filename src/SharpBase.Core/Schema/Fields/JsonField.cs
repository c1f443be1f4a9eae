using SharpBase.Core.Errors;
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
}
