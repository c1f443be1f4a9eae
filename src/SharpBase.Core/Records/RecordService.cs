using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Storage;

namespace SharpBase.Core.Records;

/// <summary>The collection a request addresses and the schema snapshot it was found in (read once per request).</summary>
/// <param name="Schema">The snapshot.</param>
/// <param name="Collection">The collection, from <paramref name="Schema"/>.</param>
public sealed record RecordTarget(SchemaSnapshot Schema, Collection Collection);

/// <summary>
/// The records API's use cases: each takes the schema snapshot once, opens the one session it runs in, sequences the read
/// or write with expand and manager visibility, and returns the response model. The HTTP endpoints and batch call these
/// and only parse and shape; rules and validation live in <see cref="RecordFinder"/> and <see cref="RecordWriter"/>.
/// </summary>
public sealed partial class RecordService(Database database, SchemaRegistry registry, RecordFinder finder, RecordWriter writer, RecordExpander expander)
{
    /// <summary>PocketBase's answer when a rule is null and the caller is not a superuser.</summary>
    public const string SuperusersOnly = RecordFinder.SuperusersOnly;

    /// <summary>
    /// The collection a request addresses, with the schema snapshot the whole request then reads; 404 "Missing collection
    /// context." when there is none. Endpoints resolve it before reading the body, as PocketBase does.
    /// </summary>
    public RecordTarget Resolve(string collection)
    {
        var schema = registry.Current;
        return new RecordTarget(schema, schema.Find(collection) ?? throw new NotFoundException("Missing collection context."));
    }

    /// <summary>One page of a collection under its list rule, expanded.</summary>
    public Task<RecordListResult> ListAsync(RecordTarget target, RecordListQuery query, RequestInfo info, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(target);
        var (schema, collection) = target;
        return database.ReadAsync(async (session, ct) =>
        {
            var page = await finder.ListAsync(session, schema, collection, query.Request, info, ct);
            await expander.ExpandAsync(session, schema, page.Items, query.Expand, info, ct);
            return new RecordListResult(page, await AudienceAsync(session, schema, collection, page.Items, info, ct));
        }, cancellationToken);
    }

    /// <summary>One record under the view rule, expanded; 404 when missing or not visible.</summary>
    public Task<RecordResult> ViewAsync(RecordTarget target, string id, string? expand, RequestInfo info, CancellationToken cancellationToken)
    {
        var (schema, collection) = target;
        return database.ReadAsync(async (session, ct) =>
            await ResultAsync(session, schema, await finder.ViewAsync(session, schema, collection, id, info, ct), expand, info, ct), cancellationToken);
    }

    /// <summary>Creates a record and returns it as the caller may see it.</summary>
    public Task<RecordResult> CreateAsync(RecordTarget target, RecordInput input, string? expand, RequestInfo info, CancellationToken cancellationToken)
    {
        var (schema, collection) = target;
        return database.WriteAsync(async (session, ct) =>
            await ResultAsync(session, schema, await writer.CreateAsync(session, schema, collection, input, info, ct), expand, info, ct), cancellationToken);
    }

    /// <summary>Updates a record and returns it as the caller may see it.</summary>
    public Task<RecordResult> UpdateAsync(RecordTarget target, string id, RecordInput input, string? expand, RequestInfo info, CancellationToken cancellationToken)
    {
        var (schema, collection) = target;
        return database.WriteAsync(async (session, ct) =>
            await ResultAsync(session, schema, await writer.UpdateAsync(session, schema, collection, id, input, info, ct), expand, info, ct), cancellationToken);
    }

    /// <summary>Deletes a record; relations pointing at it cascade or are cleared.</summary>
    public Task DeleteAsync(RecordTarget target, string id, RequestInfo info, CancellationToken cancellationToken)
    {
        var (schema, collection) = target;
        return database.WriteAsync(async (session, ct) =>
        {
            await writer.DeleteAsync(session, schema, collection, id, info, ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Expands an auth response's record for the caller in <paramref name="info"/> (the record itself, as PocketBase runs it),
    /// as the records API would; a path that cannot be expanded is left out rather than failing the sign-in.
    /// </summary>
    public async Task ExpandAsync(RecordRow record, string? expand, RequestInfo info, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(expand))
        {
            return;
        }

        try
        {
            await database.ReadAsync(async (session, ct) =>
            {
                await expander.ExpandAsync(session, registry.Current, [record], expand, info, ct);
                return true;
            }, cancellationToken);
        }
        catch (ApiException)
        {
            record.Expand = null;
        }
    }

    private async Task<RecordResult> ResultAsync(DbSession session, SchemaSnapshot schema, RecordRow row, string? expand, RequestInfo info,
        CancellationToken cancellationToken)
    {
        await expander.ExpandAsync(session, schema, [row], expand, info, cancellationToken);
        return new RecordResult(row, await AudienceAsync(session, schema, row.Collection, [row], info, cancellationToken));
    }

    private async Task<RecordAudience> AudienceAsync(DbSession session, SchemaSnapshot schema, Collection collection, IReadOnlyList<RecordRow> rows,
        RequestInfo info, CancellationToken cancellationToken) =>
        RecordAudiences.For(info, await finder.ManagedIdsAsync(session, schema, collection, rows, info, cancellationToken));
}
