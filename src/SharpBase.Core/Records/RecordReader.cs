using System.Data.Common;
using SharpBase.Core.Records.Values;
using SharpBase.Core.Schema;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Records;

/// <summary>Reads record rows whose columns were selected with <see cref="SelectList"/>.</summary>
internal static class RecordReader
{
    /// <summary><c>alias."a", alias."b", …</c> for every field, in field order.</summary>
    public static string SelectList(Collection collection, SqlDialect dialect, string alias) =>
        string.Join(", ", collection.Fields.Select(f => alias + "." + dialect.QuoteIdentifier(f.Name)));

    public static async Task<List<RecordRow>> ReadAllAsync(DbDataReader reader, Collection collection, SqlDialect dialect, CancellationToken cancellationToken)
    {
        var rows = new List<RecordRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader, collection, dialect));
        }

        return rows;
    }

    public static RecordRow Read(DbDataReader reader, Collection collection, SqlDialect dialect)
    {
        var fields = collection.Fields;
        var values = new object?[fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = StoredValue.Read(dialect, fields[i].Column.Type, reader.GetValue(i));
        }

        return new RecordRow(collection, values);
    }
}
