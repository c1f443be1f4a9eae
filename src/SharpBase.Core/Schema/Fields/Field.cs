using SharpBase.Core.Common;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>
/// One field of a collection: its options as PocketBase writes them, the column it maps to, and the
/// checks on its definition. Instances are immutable; a schema change builds new ones.
/// </summary>
public abstract record Field
{
    /// <summary>The stable field id (type + CRC-32 of the first name), kept across renames.</summary>
    public string Id { get; init; } = "";

    /// <summary>The field (and column) name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The wire name of the field type, e.g. <c>text</c>.</summary>
    public abstract string Type { get; }

    /// <summary>System fields cannot be renamed, retyped or removed.</summary>
    public bool System { get; init; }

    /// <summary>Hidden fields are returned only to superusers.</summary>
    public bool Hidden { get; init; }

    /// <summary>A dashboard hint.</summary>
    public bool Presentable { get; init; }

    /// <summary>A dashboard help text (0–300 characters).</summary>
    public virtual string Help { get; init; } = "";

    /// <summary>The column this field stores into.</summary>
    [JsonIgnore]
    public ColumnSpec Column => CreateColumn();

    /// <summary>Builds <see cref="Column"/>; text unless the type says otherwise.</summary>
    protected virtual ColumnSpec CreateColumn() => new(Name, ColumnType.Text);

    /// <summary>Checks the type-specific options, adding errors keyed by option name.</summary>
    public virtual void ValidateOptions(ValidationErrors errors, SchemaValidationContext context)
    {
    }

    /// <summary>
    /// The stored value of an unset field, in the column's CLR form: <c>""</c> for text columns, <c>0d</c>, <c>false</c>,
    /// null for dates and JSON null, <c>"[]"</c> for multi-value fields.
    /// </summary>
    [JsonIgnore]
    public virtual object? EmptyValue => "";

    /// <summary>Converts a body value to the stored form as PocketBase does (§3.2); never fails.</summary>
    public virtual object? PrepareValue(JsonNode? input) => GoCast.ToText(input);

    /// <summary>Checks a stored value; null when it passes. Checks that need the database are done elsewhere.</summary>
    public virtual ValidationError? ValidateValue(object? value) => null;

    /// <summary>True when a body key with <paramref name="modifier"/> applies to this field; other keys are ignored.</summary>
    public virtual bool SupportsModifier(FieldModifier modifier) => modifier == FieldModifier.Set;

    /// <summary>
    /// The new stored value after applying a body key with <paramref name="modifier"/> to <paramref name="current"/>;
    /// an unsupported modifier leaves <paramref name="current"/> unchanged.
    /// </summary>
    public virtual object? ApplyModifier(object? current, FieldModifier modifier, JsonNode? input) =>
        modifier == FieldModifier.Set ? PrepareValue(input) : current;

    /// <summary>True when a change from <paramref name="previous"/> to this field loses stored data.</summary>
    public virtual bool NarrowsFrom(Field previous) => Column.Type != previous.Column.Type;
}
