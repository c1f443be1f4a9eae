using SharpBase.Core.Errors;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>Plain text with optional length limits, a pattern and an autogenerate pattern.</summary>
public sealed record TextField : Field
{
    /// <summary>The largest <see cref="Max"/> allowed (and the limit used when it is 0).</summary>
    public const int DefaultMaxLength = 5000;

    /// <inheritdoc />
    public override string Type => "text";

    /// <summary>The minimum length in characters.</summary>
    public int Min { get; init; }

    /// <summary>The maximum length in characters; 0 means <see cref="DefaultMaxLength"/>.</summary>
    public int Max { get; init; }

    /// <summary>A regular expression values must match.</summary>
    public string Pattern { get; init; } = "";

    /// <summary>A regular expression of the form <c>[a-z0-9]{15}</c> used to generate missing values.</summary>
    public string AutogeneratePattern { get; init; } = "";

    /// <summary>Non-empty values only.</summary>
    public bool Required { get; init; }

    /// <summary>True only for the <c>id</c> field.</summary>
    public bool PrimaryKey { get; init; }

    /// <inheritdoc />
    protected override ColumnSpec CreateColumn() => new(Name, ColumnType.Text, PrimaryKey);

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context)
    {
        if (Min < 0)
        {
            errors.Add("min", ValidationError.Invalid("Must be no less than 0."));
        }

        if (Max < 0 || (Max != 0 && Max < Min))
        {
            errors.Add("max", ValidationError.Invalid("Must be 0 or no less than min."));
        }

        FieldOptionChecks.Regex(errors, "pattern", Pattern);
        FieldOptionChecks.Regex(errors, "autogeneratePattern", AutogeneratePattern);
        if (PrimaryKey && Name != "id")
        {
            errors.Add("primaryKey", ValidationError.Invalid("Only the id field can be the primary key."));
        }
    }
}
