using SharpBase.Core.Errors;

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
}
