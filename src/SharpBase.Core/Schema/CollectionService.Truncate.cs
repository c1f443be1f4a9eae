using SharpBase.Core.Errors;

namespace SharpBase.Core.Schema;

public sealed partial class CollectionService
{
    /// <summary>Deletes every record of a base or auth collection; the schema is unchanged.</summary>
    public async Task TruncateAsync(string idOrName, CancellationToken cancellationToken)
    {
        var collection = Get(idOrName);
        if (collection.Type == CollectionType.View)
        {
            throw new BadRequestException("View collections cannot be truncated.");
        }

        if (collection.Name == SystemCollections.SuperusersName)
        {
            throw new BadRequestException("The superusers collection cannot be truncated; at least one superuser must remain.");
        }

        var deleted = await database.WriteAsync(async (session, ct) =>
        {
            await using var command = session.Command("DELETE FROM " + database.Dialect.QuoteIdentifier(collection.Name));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        LogCollectionTruncated(logger, collection.Name, collection.Id, deleted);
    }
}
