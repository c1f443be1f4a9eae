using SharpBase.Core.Schema;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core.Records;

/// <summary>
/// The rows of <c>_mfas</c>, <c>_otps</c>, <c>_externalAuths</c> and <c>_authOrigins</c> that point at an auth record by
/// <c>collectionRef</c> + <c>recordRef</c>. PocketBase deletes them with the record or collection they point at (its
/// recordRefHooks), in the same transaction, so no MFA session, one-time password, linked account or sign-in origin
/// outlives its owner or could attach to a later record that reuses the id.
/// </summary>
public static class AuthRecordReferences
{
    /// <summary>The rows pointing at <paramref name="record"/> (none unless it is an auth record), read in the caller's write.</summary>
    public static async Task<List<RecordRow>> RowsOfAsync(DbSession session, SchemaSnapshot schema, RecordRow record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(record);
        var rows = new List<RecordRow>();
        if (record.Collection.Type != CollectionType.Auth)
        {
            return rows;
        }

        var dialect = session.Dialect;
        foreach (var collection in Collections(schema))
        {
            var sql = $"SELECT {RecordReader.SelectList(collection, dialect, "r")} FROM {dialect.QuoteIdentifier(collection.Name)} r " +
                      $"WHERE r.{dialect.QuoteIdentifier("collectionRef")} = @collection AND r.{dialect.QuoteIdentifier("recordRef")} = @record";
            await using var command = session.Command(sql);
            DbCommands.AddParameter(command, "@collection", record.Collection.Id);
            DbCommands.AddParameter(command, "@record", record.Id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            rows.AddRange(await RecordReader.ReadAllAsync(reader, collection, dialect, cancellationToken));
        }

        return rows;
    }

    /// <summary>Deletes the rows pointing at any record of the auth collection <paramref name="collectionId"/>, in the caller's write.</summary>
    public static async Task DeleteOfCollectionAsync(DbSession session, SchemaSnapshot schema, string collectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var collection in Collections(schema))
        {
            var dialect = session.Dialect;
            await using var command = session.Command(
                $"DELETE FROM {dialect.QuoteIdentifier(collection.Name)} WHERE {dialect.QuoteIdentifier("collectionRef")} = @collection");
            DbCommands.AddParameter(command, "@collection", collectionId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static IEnumerable<Collection> Collections(SchemaSnapshot schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        // By id, not name: a database whose own collection already had one of the names keeps it, and its rows are not ours.
        return SystemCollections.AuxiliaryIds.Select(schema.Find).OfType<Collection>();
    }
}
