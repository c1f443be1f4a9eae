using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Catalog;

/// <summary>Reads and writes <c>_collections</c>. Names are unique case-insensitively (a unique index on <c>lower(name)</c>).</summary>
public static class CollectionTable
{
    /// <summary>The table name.</summary>
    public const string TableName = "_collections";


    /// <summary>Every stored collection, ordered by name (ordinal).</summary>
    public static async Task<IReadOnlyList<StoredCollection>> LoadAllAsync(DbSession session, CancellationToken cancellationToken)
    {
        await using var command = session.Command("SELECT \"id\", \"name\", \"data\" FROM \"_collections\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<StoredCollection>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var json = (string?)session.Dialect.FromDbValue(ColumnType.Json, reader.GetValue(2)) ?? "{}";
            result.Add(new StoredCollection(reader.GetString(0), reader.GetString(1), json));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    /// <summary>Inserts the collection or replaces the row with the same id. A name taken by another id is a unique violation.</summary>
    public static async Task UpsertAsync(DbSession session, StoredCollection collection,
        CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            "INSERT INTO \"_collections\" (\"id\", \"name\", \"data\") VALUES (@id, @name, @data) " +
            "ON CONFLICT (\"id\") DO UPDATE SET \"name\" = excluded.\"name\", \"data\" = excluded.\"data\"");
        command.AddParameter("@id", collection.Id);
        command.AddParameter("@name", collection.Name);
        session.Dialect.AddValueParameter(command, "@data", ColumnType.Json, collection.Json);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the row of collection <paramref name="id"/>; false when there was none.</summary>
    public static async Task<bool> DeleteAsync(DbSession session, string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var command = session.Command("DELETE FROM \"_collections\" WHERE \"id\" = @id");
        command.AddParameter("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
