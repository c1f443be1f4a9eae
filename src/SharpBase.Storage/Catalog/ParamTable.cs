using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Catalog;

/// <summary>Reads and writes <c>_params</c>: JSON values by key (the settings live under <c>settings</c>).</summary>
public static class ParamTable
{
    /// <summary>The table name.</summary>
    public const string TableName = "_params";

    /// <summary>The JSON text stored under <paramref name="key"/>, or null.</summary>
    public static async Task<string?> GetAsync(DbSession session, string key,
        CancellationToken cancellationToken)
    {
        await using var command = session.Command("SELECT \"value\" FROM \"_params\" WHERE \"key\" = @key");
        command.AddParameter("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (string?)session.Dialect.FromDbValue(ColumnType.Json, reader.GetValue(0)) : null;
    }

    /// <summary>
    /// Inside a write: the JSON text under <paramref name="key"/>, stored first as <paramref name="initial"/> when absent,
    /// with its row locked until the write ends, so a read-merge-write of it cannot lose a concurrent one.
    /// </summary>
    public static async Task<string> GetForUpdateAsync(DbSession session, string key, string initial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using (var insert = session.Command("INSERT INTO \"_params\" (\"key\", \"value\") VALUES (@key, @value) ON CONFLICT (\"key\") DO NOTHING"))
        {
            insert.AddParameter("@key", key);
            session.Dialect.AddValueParameter(insert, "@value", ColumnType.Json, initial);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = session.Command("SELECT \"value\" FROM \"_params\" WHERE \"key\" = @key" + session.Dialect.RowLockClause);
        command.AddParameter("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (string?)session.Dialect.FromDbValue(ColumnType.Json, reader.GetValue(0)) ?? initial : initial;
    }

    /// <summary>Stores <paramref name="json"/> (JSON text) under <paramref name="key"/>, replacing any value.</summary>
    public static async Task SetAsync(DbSession session, string key, string json,
        CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            "INSERT INTO \"_params\" (\"key\", \"value\") VALUES (@key, @value) ON CONFLICT (\"key\") DO UPDATE SET \"value\" = excluded.\"value\"");
        command.AddParameter("@key", key);
        session.Dialect.AddValueParameter(command, "@value", ColumnType.Json, json);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the value under <paramref name="key"/>; false when there was none.</summary>
    public static async Task<bool> DeleteAsync(DbSession session, string key,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var command = session.Command("DELETE FROM \"_params\" WHERE \"key\" = @key");
        command.AddParameter("@key", key);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
