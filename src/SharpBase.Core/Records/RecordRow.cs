using SharpBase.Core.Schema;

namespace SharpBase.Core.Records;

/// <summary>
/// One stored record: its collection and its field values in CLR form (string, double, bool,
/// DateTimeOffset? for dates, JSON text for json columns).
/// </summary>
public sealed class RecordRow(Collection collection, IReadOnlyDictionary<string, object?> values)
{
    /// <summary>The collection the record belongs to.</summary>
    public Collection Collection { get; } = collection;

    /// <summary>Field values by field name.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    /// <summary>Expanded relations by name (a <see cref="RecordRow"/> or a list of them) once expand ran; null otherwise.</summary>
    public Dictionary<string, object>? Expand { get; set; }

    /// <summary>The record id.</summary>
    public string Id => GetString("id");

    /// <summary>A text value, empty when missing.</summary>
    public string GetString(string field) => Values.GetValueOrDefault(field) as string ?? "";

    /// <summary>A boolean value, false when missing.</summary>
    public bool GetBool(string field) => Values.GetValueOrDefault(field) is true;
}
