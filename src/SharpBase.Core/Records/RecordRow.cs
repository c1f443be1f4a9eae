using SharpBase.Core.Schema;

namespace SharpBase.Core.Records;

/// <summary>
/// One stored record: its collection and its field values in CLR form (string, double, bool,
/// DateTimeOffset? for dates, JSON text for json columns). Rows read for a response keep their values in field order
/// and build the by-name map only when something asks for it.
/// </summary>
public sealed class RecordRow
{
    private readonly object?[]? _ordered;
    private IReadOnlyDictionary<string, object?>? _values;
    private string? _id;

    /// <summary>A row from values by field name.</summary>
    public RecordRow(Collection collection, IReadOnlyDictionary<string, object?> values)
    {
        Collection = collection;
        _values = values;
    }

    /// <summary>A row from values in the collection's field order (as selected by <see cref="RecordReader"/>).</summary>
    internal RecordRow(Collection collection, object?[] ordered)
    {
        Collection = collection;
        _ordered = ordered;
    }

    /// <summary>The collection the record belongs to.</summary>
    public Collection Collection { get; }

    /// <summary>Field values by field name.</summary>
    public IReadOnlyDictionary<string, object?> Values => _values ??= ByName();

    /// <summary>Expanded relations by name (a <see cref="RecordRow"/> or a list of them) once expand ran; null otherwise.</summary>
    public Dictionary<string, object>? Expand { get; set; }

    /// <summary>The record id.</summary>
    public string Id => _id ??= GetString("id");

    /// <summary>A text value, empty when missing.</summary>
    public string GetString(string field) => Values.GetValueOrDefault(field) as string ?? "";

    /// <summary>A boolean value, false when missing.</summary>
    public bool GetBool(string field) => Values.GetValueOrDefault(field) is true;

    /// <summary>The value of the field at <paramref name="index"/> in <see cref="Schema.Collection.Fields"/>.</summary>
    internal object? ValueAt(int index) =>
        _ordered is { } ordered ? ordered[index] : Values.GetValueOrDefault(Collection.Fields[index].Name);

    private Dictionary<string, object?> ByName()
    {
        var fields = Collection.Fields;
        var values = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            values[fields[i].Name] = _ordered![i];
        }

        return values;
    }
}
