using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Records;

namespace SharpBase.Core.Schema;

public sealed partial class CollectionService
{
    private const int TruncateBatchSize = 500;

    /// <summary>Deletes every record of a base or auth collection; the schema is unchanged.</summary>
    public Task TruncateAsync(string idOrName, CancellationToken cancellationToken) =>
        TruncateAsync(idOrName, RequestInfo.Guest, cancellationToken);

    /// <summary>
    /// Deletes every record of a base or auth collection, one by one as PocketBase does, so relations pointing at them
    /// cascade or are cleared and the record hooks hear of every delete. One required, non-cascading reference refuses
    /// the whole truncate (400) and nothing is deleted.
    /// </summary>
    public async Task TruncateAsync(string idOrName, RequestInfo info, CancellationToken cancellationToken)
    {
        var collection = Get(idOrName);
        if (collection.Type == CollectionType.View)
        {
            throw new BadRequestException("View collections cannot be truncated since they don't store their own records.");
        }

        if (collection.Name == SystemCollections.SuperusersName)
        {
            throw new BadRequestException("The superusers collection cannot be truncated; at least one superuser must remain.");
        }

        var schema = registry.Current;
        var deleted = await database.WriteAsync(async (session, ct) =>
        {
            var count = 0;
            var sql = $"SELECT {RecordReader.SelectList(collection, session.Dialect, "r")} FROM {session.Dialect.QuoteIdentifier(collection.Name)} r LIMIT {TruncateBatchSize}";
            while (true)
            {
                List<RecordRow> batch;
                await using (var command = session.Command(sql))
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    batch = await RecordReader.ReadAllAsync(reader, collection, session.Dialect, ct);
                }

                if (batch.Count == 0)
                {
                    return count;
                }

                foreach (var record in batch)
                {
                    await DeleteForTruncateAsync(session, schema, record, info, ct);
                    count++;
                }
            }
        }, cancellationToken);
        LogCollectionTruncated(logger, collection.Name, collection.Id, deleted);
    }

    private async Task DeleteForTruncateAsync(Storage.DbSession session, SchemaSnapshot schema, RecordRow record, RequestInfo info, CancellationToken cancellationToken)
    {
        try
        {
            await cascade.DeleteAsync(session, schema, record, info, cancellationToken);
        }
        catch (BadRequestException)
        {
            // PocketBase answers any refused delete in a truncate (a required reference, a cascade too deep) with this one message.
            throw new BadRequestException("Failed to truncate collection (most likely due to required cascade delete record references).");
        }
    }
}
