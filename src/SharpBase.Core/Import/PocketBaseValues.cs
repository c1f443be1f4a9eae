using SharpBase.Core.Records.Values;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Import;

/// <summary>
/// A value from a PocketBase table in the stored form of the field it goes into. PocketBase's file is SQLite holding
/// values as PocketBase writes them (dates as text in its layout, booleans 0/1, multi-values as JSON array text), so it
/// is read through the SQLite dialect, then normalised like a stored value of that field.
/// </summary>
internal static class PocketBaseValues
{
    public static object? ToStored(Field field, object? raw)
    {
        var read = StoredValue.Read(SqliteDialect.Instance, field.Column.Type, raw);
        return field switch
        {
            // One value or JSON array text, whichever PocketBase held; a single-value field keeps the last value, as PocketBase reads it.
            MultiValueField multi => StringList.ToStored(StringList.FromStored(read), multi.IsMultiple),
            GeoPointField => GeoPointValue.FromStored(read).ToStored(),
            _ => field.Column.Type switch
            {
                ColumnType.Text => StoredValue.AsString(read),
                ColumnType.Number => StoredValue.AsDouble(read),
                ColumnType.Bool => StoredValue.AsBool(read),
                ColumnType.DateTime => StoredValue.AsDate(read),
                _ => read ?? field.EmptyValue,
            },
        };
    }
}
