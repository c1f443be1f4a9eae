using System.Text.Json;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core.Records;

public sealed partial class RecordService
{
    /// <summary>The deepest chain of cascading deletes followed before giving up (a cycle guard).</summary>
    public const int MaxCascadeDepth = 32;

    private const string RequiredReference = "Failed to delete record. Make sure that the record is not part of a required relation reference.";

    /// <summary>Deletes a record; 404 when missing or the delete rule fails. Relations pointing at it cascade or are cleared.</summary>
    public Task DeleteAsync(Collection collection, string id, RequestInfo info, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction, ct) =>
        {
            await DeleteAsync(new DbSession(connection, transaction), collection, id, info, ct);
            return true;
        }, cancellationToken);

    /// <summary>The delete on an open write session.</summary>
    public async Task DeleteAsync(DbSession session, Collection collection, string id, RequestInfo info, CancellationToken cancellationToken)
    {
        RequireWritable(collection);
        RequireRule(collection.DeleteRule, info);
        var rule = MustCheck(collection.DeleteRule, info) ? collection.DeleteRule : null;
        var record = await FindUnderRuleAsync(session, collection, id, rule, info, cancellationToken) ?? throw new NotFoundException();
        if (collection.Id == SystemCollections.SuperusersId && await store.CountAsync(session.Connection, session.Transaction, collection, cancellationToken) <= 1)
        {
            throw new BadRequestException("The last superuser cannot be deleted.");
        }

        await DeleteWithReferencesAsync(session, collection, record.Id, depth: 0, cancellationToken);
    }

    private async Task DeleteWithReferencesAsync(DbSession session, Collection collection, string id, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxCascadeDepth)
        {
            throw new BadRequestException("Failed to delete record. The cascade of related records is too deep.");
        }

        foreach (var (referencing, field) in ReferencesTo(collection))
        {
            foreach (var row in await ReferencingRowsAsync(session, referencing, field, id, cancellationToken))
            {
                var remaining = RelationIds(row.Values[field.Name]).Where(v => v != id).ToList();
                if (field.CascadeDelete && remaining.Count == 0)
                {
                    await DeleteWithReferencesAsync(session, referencing, row.Id, depth + 1, cancellationToken);
                    continue;
                }

                if (field.Required && remaining.Count == 0)
                {
                    throw new BadRequestException(RequiredReference);
                }

                object? value = field.IsMultiple ? JsonSerializer.Serialize(remaining) : remaining.LastOrDefault() ?? "";
                await store.UpdateAsync(session.Connection, session.Transaction!, referencing, row.Id,
                    new Dictionary<string, object?> { [field.Name] = value }, cancellationToken);
            }
        }

        await store.DeleteAsync(session.Connection, session.Transaction!, collection, id, cancellationToken);
    }

    private IEnumerable<(Collection Collection, RelationField Field)> ReferencesTo(Collection target) =>
        registry.Current.Collections.Where(c => c.Type != CollectionType.View)
            .SelectMany(c => c.Fields.OfType<RelationField>().Where(f => f.CollectionId == target.Id).Select(f => (c, f)));

    private async Task<List<RecordRow>> ReferencingRowsAsync(DbSession session, Collection collection, RelationField field, string id, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        var column = "r." + dialect.QuoteIdentifier(field.Name);
        var condition = field.IsMultiple ? dialect.JsonArrayContains(column, "@ref") : $"{column} = @ref";
        var sql = $"SELECT {RecordReader.SelectList(collection, dialect, "r")} FROM {dialect.QuoteIdentifier(collection.Name)} r WHERE {condition}";
        await using var command = DbCommands.Create(session.Connection, session.Transaction, sql);
        command.AddParameter("@ref", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await RecordReader.ReadAllAsync(reader, collection, dialect, cancellationToken);
    }
}
