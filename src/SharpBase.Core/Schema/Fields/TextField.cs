using System.Text.Json.Nodes;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>Plain text with optional length limits, a pattern and an autogenerate pattern.</summary>
public sealed record TextField : Field
{
    /// <summary>The largest <see cref="Max"/> allowed (and the limit used when it is 0).</summary>
    public const int DefaultMaxLength = 5000;

    /// <summary>The default <c>id</c> pattern; other primary key patterns get the extra character checks.</summary>
    public const string DefaultIdPattern = "^[a-z0-9]+$";

    private static readonly string[] ForbiddenPkCharacters =
        [".", "/", "\\", "|", "\"", "'", "`", "<", ">", ":", "?", "*", "%", "$", "\0", "\t", "\n", "\r", " "];

    private static readonly string[] ReservedPks =
    [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

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

    /// <inheritdoc />
    public override bool SupportsModifier(FieldModifier modifier) => modifier is FieldModifier.Set or FieldModifier.Autogenerate;

    /// <inheritdoc />
    public override object? ApplyModifier(object? current, FieldModifier modifier, JsonNode? input) => modifier switch
    {
        FieldModifier.Set => PrepareValue(input),
        FieldModifier.Autogenerate => ApplyAutogenerate(input, SecureRandomSource.Instance),
        _ => current,
    };

    /// <summary>
    /// The <c>name:autogenerate</c> body key: the given prefix followed by a value generated from
    /// <see cref="AutogeneratePattern"/> (just the prefix when there is no usable pattern).
    /// </summary>
    public string ApplyAutogenerate(JsonNode? prefix, IRandomSource random) => GoCast.ToText(prefix) + (Autogenerate(random) ?? "");

    /// <summary>A value generated from <see cref="AutogeneratePattern"/> for a new record whose value is empty; null without a usable pattern.</summary>
    public string? Autogenerate(IRandomSource random) => PatternGenerator.Generate(AutogeneratePattern, random);

    /// <inheritdoc />
    public override ValidationError? ValidateValue(object? value)
    {
        var text = StoredValue.AsString(value);
        if (text.Length == 0)
        {
            return Required || PrimaryKey ? FieldErrors.Required() : null;
        }

        var length = text.EnumerateRunes().Count();
        if (Min > 0 && length < Min)
        {
            return FieldErrors.MinText(Min);
        }

        var max = Max == 0 ? DefaultMaxLength : Max;
        if (length > max)
        {
            return FieldErrors.MaxText(max);
        }

        if (Pattern.Length > 0 && !PatternMatch.IsMatch(text, Pattern))
        {
            return FieldErrors.InvalidFormat();
        }

        return PrimaryKey && Pattern != DefaultIdPattern ? ValidateCustomPk(text, length) : null;
    }

    private static ValidationError? ValidateCustomPk(string text, int length)
    {
        foreach (var ch in ForbiddenPkCharacters)
        {
            if (text.Contains(ch, StringComparison.Ordinal))
            {
                return FieldErrors.ForbiddenPkCharacter(ch);
            }
        }

        var reserved = length <= 4 ? ReservedPks.FirstOrDefault(r => r.Equals(text, StringComparison.OrdinalIgnoreCase)) : null;
        return reserved is null ? null : FieldErrors.ReservedPk(reserved);
    }
}
