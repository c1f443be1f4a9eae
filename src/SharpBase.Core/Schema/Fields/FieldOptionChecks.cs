using System.Text.RegularExpressions;
using SharpBase.Core.Errors;

namespace SharpBase.Core.Schema.Fields;

/// <summary>Checks shared by several field types' options.</summary>
internal static class FieldOptionChecks
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public static void Regex(ValidationErrors errors, string key, string pattern)
    {
        if (pattern.Length == 0)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, RegexTimeout);
        }
        catch (ArgumentException)
        {
            errors.Add(key, new ValidationError("validation_invalid_regex", "Invalid regular expression."));
        }
    }

    public static void Domains(ValidationErrors errors, IReadOnlyList<string>? exceptDomains, IReadOnlyList<string>? onlyDomains)
    {
        if (exceptDomains is { Count: > 0 } && onlyDomains is { Count: > 0 })
        {
            errors.Add("onlyDomains", ValidationError.Invalid("Only one of exceptDomains and onlyDomains can be set."));
        }
    }

    public static void NonNegative(ValidationErrors errors, string key, long value)
    {
        if (value < 0)
        {
            errors.Add(key, ValidationError.Invalid("Must be no less than 0."));
        }
    }
}
