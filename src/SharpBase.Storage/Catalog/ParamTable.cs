using System.Data.Common;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Catalog;

/// <summary>Reads and writes <c>_params</c>: JSON values by key (the settings live under <c>settings</c>).</summary>
public static class ParamTable
{
    /// <summary>The table name.</summary>
    public const string TableName = "_params";

    /// <summary>The JSON text stored under <paramref name="key"/>, or null.</summary>
    public static Task<string?> GetAsync(DbConnection connection, SqlDialect dialect, string key, CancellationToken cancellationToken) =>
        GetAsync(connection, null, dialect, key, cancellationToken);

    /// <summary>The JSON text stored under <paramref name="key"/>, or null, read inside <paramref name="transaction"/>.</summary>
    public static async Task<string?> GetAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, string key,
        CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, transaction, "SELECT \"value\" FROM \"_params\" WHERE \"key\" = @key");
        command.AddParameter("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (string?)dialect.FromDbValue(ColumnType.Json, reader.GetValue(0)) : null;
    }

    /// <summary>Stores <paramref name="json"/> (JSON text) under <paramref name="key"/>, replacing any value.</summary>
    public static async Task SetAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string key, string json,
        CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, transaction,
            "INSERT INTO \"_params\" (\"key\", \"value\") VALUES (@key, @value) ON CONFLICT (\"key\") DO UPDATE SET \"value\" = excluded.\"value\"");
        command.AddParameter("@key", key);
        dialect.AddValueParameter(command, "@value", ColumnType.Json, json);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the value under <paramref name="key"/>; false when there was none.</summary>
    public static async Task<bool> DeleteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string key,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        await using var command = DbCommands.Create(connection, transaction, "DELETE FROM \"_params\" WHERE \"key\" = @key");
        command.AddParameter("@key", key);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
