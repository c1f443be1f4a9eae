using System.Text.Json.Nodes;
using SharpBase.Core.Records.Values;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema.Fields;

/// <summary>A field that holds one value (a string column) or, with maxSelect above 1, a JSON array.</summary>
public abstract record MultiValueField : Field
{
    /// <summary>The largest number of values; 0 or 1 means a single value.</summary>
    public int MaxSelect { get; init; }

    /// <summary>True when the field holds an array.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsMultiple => MaxSelect > 1;

    /// <summary>Non-empty values only.</summary>
    public bool Required { get; init; }

    /// <inheritdoc />
    protected override ColumnSpec CreateColumn() => IsMultiple ? new(Name, ColumnType.Json, JsonDefault: "[]") : new(Name, ColumnType.Text);

    /// <inheritdoc />
    public override bool NarrowsFrom(Field previous) =>
        previous is MultiValueField old ? old.IsMultiple && !IsMultiple : base.NarrowsFrom(previous);

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override object? EmptyValue => IsMultiple ? "[]" : "";

    /// <summary>
    /// A string (a JSON array of strings when it contains <c>[</c> and parses) or an array; empty strings and duplicates
    /// are dropped, a single-value field keeps the last value, a multi-value field stores JSON array text.
    /// </summary>
    public override object? PrepareValue(JsonNode? input) => StringList.ToStored(ReadInput(input), IsMultiple);

    /// <inheritdoc />
    public override bool SupportsModifier(FieldModifier modifier) => modifier != FieldModifier.Autogenerate;

    /// <summary>
    /// Appends, prepends or removes values (for a single-value field, append and prepend replace the value and remove
    /// clears it when it matches).
    /// </summary>
    public override object? ApplyModifier(object? current, FieldModifier modifier, JsonNode? input)
    {
        var given = ReadInput(input);
        var existing = StringList.FromStored(current);
        IEnumerable<string> combined = modifier switch
        {
            FieldModifier.Set => given,
            FieldModifier.Append => existing.Concat(given),
            FieldModifier.Prepend => given.Concat(existing),
            FieldModifier.Remove => existing.Where(v => !given.Contains(v, StringComparer.Ordinal)),
            _ => existing,
        };
        return modifier == FieldModifier.Autogenerate ? current : StringList.ToStored(StringList.NonzeroUniques(combined), IsMultiple);
    }

    /// <summary>
    /// The values of a stored value (single text or JSON array text), without empties or duplicates; at most the last
    /// one for a single-value field.
    /// </summary>
    public IReadOnlyList<string> ValuesOf(object? stored)
    {
        var values = StringList.FromStored(stored);
        return IsMultiple || values.Count <= 1 ? values : [values[^1]];
    }

    /// <summary>Reads a body value as a list of strings.</summary>
    private protected virtual List<string> ReadInput(JsonNode? input) => StringList.FromInput(input);
}
