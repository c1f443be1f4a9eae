using System.Data.Common;
using SharpBase.Core.Records.Values;
using SharpBase.Core.Schema;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Records;

/// <summary>
/// Plain reads and writes of record rows by column. Column names come from the collection's validated fields
/// and every value is a parameter; rules and validation live above this.
/// </summary>
public sealed class RecordStore(Database database)
{
    /// <summary>
    /// The record whose <paramref name="field"/> equals <paramref name="value"/>, or null. Where a unique index covers the
    /// field, the comparison follows it, as PocketBase's lookups do: a <c>COLLATE NOCASE</c> email index (the default of new
    /// auth collections) finds <c>A@x.test</c> for <c>a@x.test</c>, a case-sensitive one does not.
    /// </summary>
    public Task<RecordRow?> FindByAsync(Collection collection, string field, object value, CancellationToken cancellationToken) =>
        database.ReadAsync((session, ct) => FindByAsync(session, collection, field, value, ct), cancellationToken);

    /// <summary>The same lookup on an open connection (inside a write, pass its transaction).</summary>
    public async Task<RecordRow?> FindByAsync(DbSession session, Collection collection, string field, object value,
        CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        var column = collection.FindField(field) ?? throw new ArgumentException($"Unknown field {field}.", nameof(field));
        var sql = $"SELECT {ColumnList(collection)} FROM {dialect.QuoteIdentifier(collection.Name)} WHERE {MatchCondition(dialect, collection, column.Name, value)} LIMIT 1";
        await using var command = session.Command(sql);
        dialect.AddValueParameter(command, "@value", column.Column.Type, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < collection.Fields.Count; i++)
        {
            var f = collection.Fields[i];
            values[f.Name] = StoredValue.Read(dialect, f.Column.Type, await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i));
        }

        return new RecordRow(collection, values);
    }

    /// <summary>
    /// Locks the row of record <paramref name="id"/> until the write session ends, so the read-modify-write that follows
    /// (modifiers, rule checks against the old row, cascades) sees the last committed row and cannot be overtaken. A no-op
    /// where writes are serialized anyway (SQLite) and for a missing row.
    /// </summary>
    public static async Task LockAsync(DbSession session, Collection collection, string id, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        if (dialect.RowLockClause.Length == 0)
        {
            return;
        }

        await using var command = session.Command($"SELECT \"id\" FROM {dialect.QuoteIdentifier(collection.Name)} WHERE \"id\" = @id{dialect.RowLockClause}");
        command.AddParameter("@id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Locks every row of <paramref name="collection"/> until the write session ends (small system tables only); a no-op on SQLite.</summary>
    public static async Task LockAllAsync(DbSession session, Collection collection, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        if (dialect.RowLockClause.Length > 0)
        {
            await using var command = session.Command($"SELECT \"id\" FROM {dialect.QuoteIdentifier(collection.Name)}{dialect.RowLockClause}");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Inserts a row; <paramref name="values"/> must hold a value for every field.</summary>
    public async Task InsertAsync(DbSession session, Collection collection, IReadOnlyDictionary<string, object?> values,
        CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        var fields = collection.Fields.Where(f => values.ContainsKey(f.Name)).ToList();
        var sql = $"INSERT INTO {dialect.QuoteIdentifier(collection.Name)} ({string.Join(", ", fields.Select(f => dialect.QuoteIdentifier(f.Name)))}) " +
                  $"VALUES ({string.Join(", ", fields.Select((_, i) => "@p" + i))})";
        await using var command = session.Command(sql);
        AddValues(command, fields.Select(f => (f, values[f.Name])));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Updates the given columns of the record <paramref name="id"/>; returns false when it does not exist.</summary>
    public async Task<bool> UpdateAsync(DbSession session, Collection collection, string id,
        IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        var fields = collection.Fields.Where(f => values.ContainsKey(f.Name) && f.Name != "id").ToList();
        var sql = $"UPDATE {dialect.QuoteIdentifier(collection.Name)} SET {string.Join(", ", fields.Select((f, i) => dialect.QuoteIdentifier(f.Name) + " = @p" + i))} " +
                  "WHERE \"id\" = @id";
        await using var command = session.Command(sql);
        AddValues(command, fields.Select(f => (f, values[f.Name])));
        command.AddParameter("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes the record <paramref name="id"/>; returns false when it does not exist.</summary>
    public async Task<bool> DeleteAsync(DbSession session, Collection collection, string id, CancellationToken cancellationToken)
    {
        await using var command = session.Command($"DELETE FROM {database.Dialect.QuoteIdentifier(collection.Name)} WHERE \"id\" = @id");
        command.AddParameter("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The number of records in a collection, read on an open connection.</summary>
    public async Task<long> CountAsync(DbSession session, Collection collection, CancellationToken cancellationToken)
    {
        await using var command = session.Command("SELECT COUNT(*) FROM " + database.Dialect.QuoteIdentifier(collection.Name));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The condition of <see cref="FindByAsync(DbSession, Collection, string, object, CancellationToken)"/> on <c>@value</c>.
    /// A partial index's terms are repeated when they hold for the value anyway (<c>email != ''</c>), since neither planner
    /// uses a partial index for a query that does not imply its WHERE.
    /// </summary>
    /// <param name="dialect">The database's dialect.</param>
    /// <param name="collection">The collection searched.</param>
    /// <param name="column">The field's column.</param>
    /// <param name="value">The value looked for.</param>
    public static string MatchCondition(SqlDialect dialect, Collection collection, string column, object value)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var index = UniqueIndexes.SingleColumn(collection, column);
        var match = dialect.IndexedEquals(new IndexColumn(column, index?.Columns[0].NoCase ?? false), "@value");
        return index is { Where.Count: > 0 } && value is string { Length: > 0 } && UniqueIndexes.CoversEveryNonEmptyValue(index)
            ? match + " AND " + dialect.IndexConditions(index.Where)
            : match;
    }

    private void AddValues(DbCommand command, IEnumerable<(Schema.Fields.Field Field, object? Value)> values)
    {
        var i = 0;
        foreach (var (field, value) in values)
        {
            database.Dialect.AddValueParameter(command, "@p" + i++, field.Column.Type, value);
        }
    }

    private string ColumnList(Collection collection) => string.Join(", ", collection.Fields.Select(f => database.Dialect.QuoteIdentifier(f.Name)));
}
