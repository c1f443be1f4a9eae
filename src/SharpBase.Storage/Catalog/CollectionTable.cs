using System.Data.Common;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Catalog;

/// <summary>Reads and writes <c>_collections</c>. Names are unique case-insensitively (a unique index on <c>lower(name)</c>).</summary>
public static class CollectionTable
{
    /// <summary>The table name.</summary>
    public const string TableName = "_collections";

    /// <summary>Every stored collection, ordered by name (ordinal).</summary>
    public static Task<IReadOnlyList<StoredCollection>> LoadAllAsync(DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken) =>
        LoadAllAsync(connection, null, dialect, cancellationToken);

    /// <summary>Every stored collection, ordered by name (ordinal), read inside <paramref name="transaction"/>.</summary>
    public static async Task<IReadOnlyList<StoredCollection>> LoadAllAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect,
        CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, transaction, "SELECT \"id\", \"name\", \"data\" FROM \"_collections\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<StoredCollection>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var json = (string?)dialect.FromDbValue(ColumnType.Json, reader.GetValue(2)) ?? "{}";
            result.Add(new StoredCollection(reader.GetString(0), reader.GetString(1), json));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    /// <summary>Inserts the collection or replaces the row with the same id. A name taken by another id is a unique violation.</summary>
    public static async Task UpsertAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, StoredCollection collection,
        CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, transaction,
            "INSERT INTO \"_collections\" (\"id\", \"name\", \"data\") VALUES (@id, @name, @data) " +
            "ON CONFLICT (\"id\") DO UPDATE SET \"name\" = excluded.\"name\", \"data\" = excluded.\"data\"");
        command.AddParameter("@id", collection.Id);
        command.AddParameter("@name", collection.Name);
        dialect.AddValueParameter(command, "@data", ColumnType.Json, collection.Json);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the row of collection <paramref name="id"/>; false when there was none.</summary>
    public static async Task<bool> DeleteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        await using var command = DbCommands.Create(connection, transaction, "DELETE FROM \"_collections\" WHERE \"id\" = @id");
        command.AddParameter("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
