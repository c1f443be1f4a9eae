using SharpBase.Core.Errors;

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
}
