using System.Globalization;
using System.Text.RegularExpressions;
using SharpBase.Core.Errors;

namespace SharpBase.Core.Settings;

/// <summary>
/// The checks PocketBase's settings use (ozzo-validation rules and its own validators), with their codes, sentenized
/// messages and params. Like ozzo's rules, each one except <c>Required</c> passes an empty value.
/// </summary>
internal static partial class SettingsChecks
{
    public static ValidationError? Required(string? value) => string.IsNullOrEmpty(value) ? ValidationError.Required() : null;

    public static ValidationError? Required(long value) => value == 0 ? ValidationError.Required() : null;

    public static ValidationError? Length(string value, int min, int max)
    {
        var length = value.EnumerateRunes().Count();
        if (length == 0 || (length >= min && length <= max))
        {
            return null;
        }

        return min == max
            ? new ValidationError("validation_length_invalid", $"The length must be exactly {Int(min)}.", Params(("min", min), ("max", max)))
            : new ValidationError("validation_length_out_of_range", $"The length must be between {Int(min)} and {Int(max)}.", Params(("min", min), ("max", max)));
    }

    public static ValidationError? Min(long value, long threshold) =>
        value == 0 || value >= threshold
            ? null
            : new ValidationError("validation_min_greater_equal_than_required", $"Must be no less than {Int(threshold)}.", Params(("threshold", threshold)));

    public static ValidationError? Max(long value, long threshold) =>
        value <= threshold
            ? null
            : new ValidationError("validation_max_less_equal_than_required", $"Must be no greater than {Int(threshold)}.", Params(("threshold", threshold)));

    public static ValidationError? In(string value, params string[] allowed) =>
        value.Length == 0 || allowed.Contains(value, StringComparer.Ordinal) ? null : new ValidationError("validation_in_invalid", "Must be a valid value.");

    /// <summary>An absolute http(s) URL.</summary>
    public static ValidationError? Url(string value) =>
        value.Length == 0 || (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            ? null
            : new ValidationError("validation_is_url", "Must be a valid URL.");

    /// <summary>An IP address or a DNS name, as ozzo's <c>is.Host</c>.</summary>
    public static ValidationError? Host(string value) =>
        value.Length == 0 || Common.IpText.TryParse(value, out _) || (value.Length <= 255 && DnsName().IsMatch(value))
            ? null
            : new ValidationError("validation_is_host", "Must be a valid IP address or DNS name.");

    public static ValidationError? Email(string value) =>
        value.Length == 0 || Common.EmailAddress.IsValid(value) ? null : new ValidationError("validation_is_email", "Must be a valid email address.");

    public static ValidationError? HexColor(string value) =>
        value.Length == 0 || HexColorPattern().IsMatch(value) ? null : new ValidationError("validation_is_hex_color", "Must be a valid hex color code.");

    public static ValidationError? Match(string value, Regex pattern) =>
        value.Length == 0 || pattern.IsMatch(value) ? null : new ValidationError("validation_match_invalid", "Must be in a valid format.");

    /// <summary>An IP address or a CIDR subnet; PocketBase's code keeps its spelling.</summary>
    public static ValidationError? IpOrSubnet(string value) =>
        value.Length == 0 || Common.IpText.IsAddressOrSubnet(value)
            ? null
            : new ValidationError("validation_invlaid_ip_or_subnet", "Invalid IP or CIDR subnet.");

    /// <summary>Each entry must be non-empty and pass <paramref name="check"/>; errors are keyed by index.</summary>
    public static void Each(ValidationErrors errors, string key, IReadOnlyList<string?> values, Func<string, ValidationError?> check)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (First(Required(values[i]), check(values[i] ?? "")) is { } error)
            {
                errors.Nested(key).Add(i.ToString(CultureInfo.InvariantCulture), error);
            }
        }
    }

    /// <summary>Adds the first failing check of a key, as ozzo stops at a key's first failing rule.</summary>
    public static void Check(this ValidationErrors errors, string key, params ValidationError?[] checks)
    {
        if (First(checks) is { } error)
        {
            errors.Add(key, error);
        }
    }

    private static ValidationError? First(params ValidationError?[] checks) => checks.FirstOrDefault(c => c is not null);

    private static Dictionary<string, object?> Params(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})(\.[a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})*[._]?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsName();

    [GeneratedRegex("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColorPattern();
}
