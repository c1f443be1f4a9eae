using SharpBase.Core.Common;
using System.Globalization;
using SharpBase.Core.Errors;

namespace SharpBase.Core.Records.Values;

/// <summary>PocketBase's record value errors: its codes, and its messages as the API writes them (sentenized, params filled in).</summary>
internal static class FieldErrors
{
    public static ValidationError Required() => ValidationError.Required();

    public static ValidationError MinText(int min) =>
        new("validation_min_text_constraint", $"Must be at least {Int(min)} character(s).", Params("min", min));

    public static ValidationError MaxText(int max) =>
        new("validation_max_text_constraint", $"Must be no more than {Int(max)} character(s).", Params("max", max));

    public static ValidationError InvalidFormat() => new("validation_invalid_format", "Invalid value format.");

    public static ValidationError ForbiddenPkCharacter(string ch) =>
        new("validation_forbidden_pk_character", $"'{ch}' is not a valid primary key character.", Params("ch", ch));

    public static ValidationError ReservedPk(string reserved) =>
        new("validation_reserved_pk", $"The primary key '{reserved}' is reserved and cannot be used.", Params("reserved", reserved));

    public static ValidationError NotANumber() => new("validation_not_a_number", "The submitted number is not properly formatted.");

    public static ValidationError OnlyInt() => new("validation_only_int_constraint", "Decimal numbers are not allowed.");

    public static ValidationError MinNumber(double min) =>
        new("validation_min_number_constraint", Sentence($"Must be greater or equal than {GoCast.FormatGeneral(min)}"), Params("min", min));

    public static ValidationError MaxNumber(double max) =>
        new("validation_max_number_constraint", Sentence($"Must be less or equal than {GoCast.FormatGeneral(max)}"), Params("max", max));

    public static ValidationError Email() => new("validation_is_email", "Must be a valid email address.");

    public static ValidationError EmailDomain() => new("validation_email_domain_not_allowed", "Email domain is not allowed.");

    public static ValidationError Url() => new("validation_invalid_url", "Must be a valid url.");

    public static ValidationError UrlDomain() => new("validation_url_domain_not_allowed", "Url domain is not allowed.");

    public static ValidationError ContentSize(long maxSize) =>
        new("validation_content_size_limit", $"The maximum allowed content size is {Int(maxSize)} bytes.", Params("maxSize", maxSize));

    public static ValidationError MinDate(DateTimeOffset threshold) =>
        new("validation_min_greater_equal_than_required", $"Must be no less than {GoTime(threshold)}.", Params("threshold", JsonTime(threshold)));

    public static ValidationError MaxDate(DateTimeOffset threshold) =>
        new("validation_max_less_equal_than_required", $"Must be no greater than {GoTime(threshold)}.", Params("threshold", JsonTime(threshold)));

    public static ValidationError TooManyValues(int maxSelect) =>
        new("validation_too_many_values", $"Select no more than {Int(maxSelect)}.", Params("maxSelect", maxSelect));

    public static ValidationError NotEnoughValues(int minSelect) =>
        new("validation_not_enough_values", $"Select at least {Int(minSelect)}.", Params("minSelect", minSelect));

    public static ValidationError InvalidSelectValue(string value) =>
        new("validation_invalid_value", Sentence($"Invalid value {value}"), Params("value", value));

    public static ValidationError TooManyFiles(int maxSelect) =>
        new("validation_too_many_files", $"The maximum allowed files is {Int(maxSelect)}.", Params("maxSelect", maxSelect));

    public static ValidationError JsonSize(long maxSize) =>
        new("validation_json_size_limit", $"The maximum allowed JSON size is {Int(maxSize)} bytes.", Params("maxSize", maxSize));

    public static ValidationError InvalidJson() => new("validation_invalid_json", "Must be a valid json value.");

    public static ValidationError Latitude() => new("validation_invalid_latitude", "Latitude must be between -90 and 90 degrees.");

    public static ValidationError Longitude() => new("validation_invalid_longitude", "Longitude must be between -180 and 180 degrees.");

    public static ValidationError PasswordMin(int min) =>
        new("validation_min_text_constraint", $"Must be at least {Int(min)} character(s).");

    public static ValidationError PasswordMax(int max) =>
        new("validation_max_text_constraint", $"Must be less than {Int(max)} character(s).");

    public static ValidationError PasswordBytes(int maxBytes) => ValidationError.Invalid($"Must be no more than {Int(maxBytes)} bytes.");

    /// <summary>PocketBase's sentenize: a final period unless the text ends with <c>.</c>, <c>?</c> or <c>!</c>.</summary>
    public static string Sentence(string text) => text.Length > 0 && text[^1] is '.' or '?' or '!' ? text : text + ".";

    private static Dictionary<string, object?> Params(string key, object value) => new(StringComparer.Ordinal) { [key] = value };

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Go's <c>time.Time.String()</c> of a UTC time, e.g. <c>2030-01-01 00:00:00.5 +0000 UTC</c>.</summary>
    private static string GoTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(value) + " +0000 UTC";

    /// <summary>A time.Time as Go's JSON encoder writes it (RFC 3339 with trimmed nanoseconds).</summary>
    private static string JsonTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(value) + "Z";

    private static string Fraction(DateTimeOffset value)
    {
        var ticks = value.UtcTicks % TimeSpan.TicksPerSecond;
        return ticks == 0 ? "" : "." + ticks.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }
}
