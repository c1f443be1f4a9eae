using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>A datetime the server sets on create and/or update; clients cannot write it.</summary>
public sealed record AutodateField : Field
{
    /// <inheritdoc />
    public override string Type => "autodate";

    /// <summary>Set when the record is created.</summary>
    public bool OnCreate { get; init; }

    /// <summary>Set whenever the record is updated.</summary>
    public bool OnUpdate { get; init; }

    /// <summary>Autodate fields have no help text in PocketBase, so the key is not written (and always empty).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Help { get => ""; init { } }

    /// <inheritdoc />
    protected override ColumnSpec CreateColumn() => new(Name, ColumnType.DateTime);

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context)
    {
        if (!OnCreate && !OnUpdate)
        {
            errors.Add("onUpdate", ValidationError.Invalid("At least one of onCreate and onUpdate must be enabled."));
        }
    }

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override object? EmptyValue => null;

    /// <summary>Clients cannot set autodate fields: input is ignored.</summary>
    public override object? PrepareValue(JsonNode? input) => null;

    /// <summary>No body key applies; callers drop the key.</summary>
    public override bool SupportsModifier(FieldModifier modifier) => false;

    /// <inheritdoc />
    public override object? ApplyModifier(object? current, FieldModifier modifier, JsonNode? input) => current;
}
