using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;

namespace SharpBase.Core.Schema.Fields;

/// <summary>An absolute URL, optionally limited to or excluding some hosts.</summary>
public sealed record UrlField : Field
{
    /// <inheritdoc />
    public override string Type => "url";

    /// <summary>Hosts that are refused.</summary>
    public IReadOnlyList<string>? ExceptDomains { get; init; }

    /// <summary>The only hosts accepted.</summary>
    public IReadOnlyList<string>? OnlyDomains { get; init; }

    /// <summary>Non-empty values only.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context) =>
        FieldOptionChecks.Domains(errors, ExceptDomains, OnlyDomains);

    /// <inheritdoc />
    public override ValidationError? ValidateValue(object? value)
    {
        var text = StoredValue.AsString(value);
        if (text.Length == 0)
        {
            return Required ? FieldErrors.Required() : null;
        }

        if (!UrlCheck.IsUrl(text))
        {
            return FieldErrors.Url();
        }

        var host = UrlCheck.Host(text);
        if (OnlyDomains is { Count: > 0 } only && !only.Contains(host, StringComparer.Ordinal))
        {
            return FieldErrors.UrlDomain();
        }

        return ExceptDomains is { Count: > 0 } except && except.Contains(host, StringComparer.Ordinal) ? FieldErrors.UrlDomain() : null;
    }
}
