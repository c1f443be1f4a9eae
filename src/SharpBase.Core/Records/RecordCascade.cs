using System.Text.Json;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Records.Hooks;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage;

namespace SharpBase.Core.Records;

/// <summary>
/// Deletes a record and follows the relations that point at it, as PocketBase does: a reference with
/// <c>cascadeDelete</c> whose last id goes deletes the referencing record too; otherwise the id is removed from the
/// relation, unless the relation is required and would become empty (400). An auth record's rows in <c>_mfas</c>,
/// <c>_otps</c>, <c>_externalAuths</c> and <c>_authOrigins</c> are deleted with it. Every delete and every cleared relation
/// runs through the record hooks, so subscribers hear of cascades as of any other write.
/// </summary>
public sealed partial class RecordCascade(RecordStore store, RecordHooks hooks, Microsoft.Extensions.Logging.ILogger<RecordCascade> logger)
{
    /// <summary>The deepest chain of cascading deletes followed before giving up (a cycle guard).</summary>
    public const int MaxCascadeDepth = 32;

    /// <summary>PocketBase's message when a required relation would be left empty.</summary>
    public const string RequiredReference = "Failed to delete record. Make sure that the record is not part of a required relation reference.";

    /// <summary>Deletes <paramref name="record"/> with its references, inside the caller's write.</summary>
    public Task DeleteAsync(DbSession session, SchemaSnapshot schema, RecordRow record, RequestInfo info, CancellationToken cancellationToken) =>
        DeleteAsync(session, schema, record, info, depth: 0, cancellationToken);

    private async Task DeleteAsync(DbSession session, SchemaSnapshot schema, RecordRow record, RequestInfo info, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxCascadeDepth)
        {
            throw new BadRequestException("Failed to delete record. The cascade of related records is too deep.");
        }

        var change = new RecordChange(RecordAction.Delete, record.Collection, record, values: null, info, session, isCascade: depth > 0);
        await hooks.BeforeWriteAsync(change, cancellationToken);
        // The referencing rows are read locked: a concurrent append to one of their relations must not be overwritten by
        // the cleared list written below.
        foreach (var (referencing, field) in ReferencesTo(schema, record.Collection))
        {
            foreach (var row in await ReferencingRowsAsync(session, referencing, field, record.Id, cancellationToken))
            {
                var remaining = RecordRelations.Ids(row.Values[field.Name]).Where(v => v != record.Id).ToList();
                if (field.CascadeDelete && remaining.Count == 0)
                {
                    LogCascadeDelete(logger, referencing.Name, row.Id, record.Collection.Name, record.Id);
                    await DeleteAsync(session, schema, row, info, depth + 1, cancellationToken);
                    continue;
                }

                if (field.Required && remaining.Count == 0)
                {
                    throw new BadRequestException(RequiredReference);
                }

                await ClearReferenceAsync(session, row, field, remaining, info, cancellationToken);
            }
        }

        // An auth record takes its MFA sessions, one-time passwords, linked accounts and sign-in origins with it.
        foreach (var row in await AuthRecordReferences.RowsOfAsync(session, schema, record, cancellationToken))
        {
            await DeleteAsync(session, schema, row, info, depth + 1, cancellationToken);
        }

        await store.DeleteAsync(session, record.Collection, record.Id, cancellationToken);
        await hooks.AfterWriteAsync(change, cancellationToken);
    }

    private async Task ClearReferenceAsync(DbSession session, RecordRow row, RelationField field, List<string> remaining, RequestInfo info,
        CancellationToken cancellationToken)
    {
        object? value = field.IsMultiple ? JsonSerializer.Serialize(remaining) : remaining.LastOrDefault() ?? "";
        var values = new Dictionary<string, object?>(row.Values, StringComparer.Ordinal) { [field.Name] = value };
        var change = new RecordChange(RecordAction.Update, row.Collection, row, values, info, session, isCascade: true);
        await hooks.BeforeWriteAsync(change, cancellationToken);
        await store.UpdateAsync(session, row.Collection, row.Id, new Dictionary<string, object?> { [field.Name] = values[field.Name] }, cancellationToken);
        change.New = new RecordRow(row.Collection, values);
        change.ChangedFields = new HashSet<string>([field.Name], StringComparer.Ordinal);
        await hooks.AfterWriteAsync(change, cancellationToken);
    }

    private static IEnumerable<(Collection Collection, RelationField Field)> ReferencesTo(SchemaSnapshot schema, Collection target) =>
        schema.Collections.Where(c => c.Type != CollectionType.View)
            .SelectMany(c => c.Fields.OfType<RelationField>().Where(f => f.CollectionId == target.Id).Select(f => (c, f)));

    private static async Task<List<RecordRow>> ReferencingRowsAsync(DbSession session, Collection collection, RelationField field, string id,
        CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var column = "r." + dialect.QuoteIdentifier(field.Name);
        var condition = field.IsMultiple ? dialect.JsonArrayContains(column, "@ref") : $"{column} = @ref";
        var sql = $"SELECT {RecordReader.SelectList(collection, dialect, "r")} FROM {dialect.QuoteIdentifier(collection.Name)} r WHERE {condition}{dialect.RowLockClause}";
        await using var command = session.Command(sql);
        Storage.Catalog.DbCommands.AddParameter(command, "@ref", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await RecordReader.ReadAllAsync(reader, collection, dialect, cancellationToken);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(EventId = 3001, Level = Microsoft.Extensions.Logging.LogLevel.Debug,
        Message = "Deleting {Collection}/{RecordId} by cascade from {SourceCollection}/{SourceId}")]
    private static partial void LogCascadeDelete(Microsoft.Extensions.Logging.ILogger logger, string collection, string recordId, string sourceCollection, string sourceId);
}
