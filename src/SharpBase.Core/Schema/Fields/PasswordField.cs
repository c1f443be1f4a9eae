using System.Text;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;

namespace SharpBase.Core.Schema.Fields;

/// <summary>A password, stored only as an Argon2id hash and never written out.</summary>
public sealed record PasswordField : Field
{
    /// <summary>The longest password accepted, in bytes; longer input is refused before hashing.</summary>
    public const int MaxBytes = 256;

    /// <inheritdoc />
    public override string Type => "password";

    /// <summary>A regular expression passwords must match.</summary>
    public string Pattern { get; init; } = "";

    /// <summary>The minimum length in characters.</summary>
    public int Min { get; init; }

    /// <summary>The maximum length in characters; 0 means the byte limit alone.</summary>
    public int Max { get; init; }

    /// <summary>Kept for PocketBase import compatibility (its bcrypt cost); Argon2id ignores it.</summary>
    public int Cost { get; init; }

    /// <summary>Non-empty values only.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context)
    {
        FieldOptionChecks.NonNegative(errors, "min", Min);
        if (Max < 0 || Max > MaxBytes || (Max != 0 && Max < Min))
        {
            errors.Add("max", ValidationError.Invalid($"Must be 0 or between min and {MaxBytes}."));
        }

        FieldOptionChecks.Regex(errors, "pattern", Pattern);
    }

    /// <summary>
    /// Checks the plain password being set (the record service hashes it afterwards and skips this check when the
    /// password is not being changed): at most <see cref="MaxBytes"/> UTF-8 bytes, then required, min and max in
    /// characters, and the pattern.
    /// </summary>
    public override ValidationError? ValidateValue(object? value)
    {
        var plain = StoredValue.AsString(value);
        if (Encoding.UTF8.GetByteCount(plain) > MaxBytes)
        {
            return FieldErrors.PasswordBytes(MaxBytes);
        }

        if (plain.Length == 0)
        {
            return Required ? FieldErrors.Required() : null;
        }

        var length = plain.EnumerateRunes().Count();
        if (length < Min)
        {
            return FieldErrors.PasswordMin(Min);
        }

        if (Max > 0 && length > Max)
        {
            return FieldErrors.PasswordMax(Max);
        }

        return Pattern.Length > 0 && !PatternMatch.IsMatch(plain, Pattern) ? FieldErrors.InvalidFormat() : null;
    }
}
