using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;

namespace SharpBase.Core.Schema.Fields;

/// <summary>An email address, optionally limited to or excluding some domains.</summary>
public sealed record EmailField : Field
{
    /// <inheritdoc />
    public override string Type => "email";

    /// <summary>Domains that are refused.</summary>
    public IReadOnlyList<string>? ExceptDomains { get; init; }

    /// <summary>The only domains accepted.</summary>
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

        if (!EmailAddress.IsValid(text))
        {
            return FieldErrors.Email();
        }

        var domain = text[(text.LastIndexOf('@') + 1)..];
        if (OnlyDomains is { Count: > 0 } only && !only.Contains(domain, StringComparer.Ordinal))
        {
            return FieldErrors.EmailDomain();
        }

        return ExceptDomains is { Count: > 0 } except && except.Contains(domain, StringComparer.Ordinal) ? FieldErrors.EmailDomain() : null;
    }
}
