using System.Globalization;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core.Records;

public sealed partial class RecordService
{
    /// <summary>One page of the collection under its list rule and the client's filter and sort.</summary>
    public Task<RecordPage> ListAsync(Collection collection, RecordListRequest request, RequestInfo info, CancellationToken cancellationToken) =>
        database.ReadAsync((connection, ct) => ListAsync(new DbSession(connection, null), collection, request, info, ct), cancellationToken);

    /// <summary>The list on an open session.</summary>
    public async Task<RecordPage> ListAsync(DbSession session, Collection collection, RecordListRequest request, RequestInfo info, CancellationToken cancellationToken)
    {
        RequireRule(collection.ListRule, info);
        var query = Query(collection, info);
        if (MustCheck(collection.ListRule, info))
        {
            query.AddRule(collection.ListRule!);
        }

        if (!string.IsNullOrWhiteSpace(request.Filter))
        {
            query.AddClientFilter(request.Filter);
        }

        if (!string.IsNullOrWhiteSpace(request.Sort))
        {
            query.SetSort(request.Sort);
        }

        var dialect = database.Dialect;
        var sql = query.SelectSql(sortable: true) + (query.OrderBy.Length > 0 ? " ORDER BY " + query.OrderBy : "") + dialect.LimitOffset("@sb_limit", "@sb_offset");
        List<RecordRow> rows;
        await using (var command = DbCommands.Create(session.Connection, session.Transaction, sql))
        {
            query.Bind(command);
            command.AddParameter("@sb_limit", (long)request.PerPage);
            command.AddParameter("@sb_offset", (long)(request.Page - 1) * request.PerPage);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            rows = await RecordReader.ReadAllAsync(reader, collection, dialect, cancellationToken);
        }

        var total = -1L;
        if (!request.SkipTotal)
        {
            // Only joins can repeat a row; without them a plain COUNT(*) avoids building a set of every matching id.
            var counted = query.Distinct ? $"DISTINCT {RecordQuery.Alias}.{dialect.QuoteIdentifier("id")}" : "*";
            var countSql = $"SELECT COUNT({counted}) FROM {query.From} WHERE {query.Where}";
            await using var count = DbCommands.Create(session.Connection, session.Transaction, countSql);
            query.Bind(count);
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return new RecordPage(request.Page, request.PerPage, total, rows);
    }

    /// <summary>One record under the view rule; 404 when missing or not visible to the caller.</summary>
    public Task<RecordRow> ViewAsync(Collection collection, string id, RequestInfo info, CancellationToken cancellationToken) =>
        database.ReadAsync((connection, ct) => ViewAsync(new DbSession(connection, null), collection, id, info, ct), cancellationToken);

    /// <summary>The view on an open session.</summary>
    public async Task<RecordRow> ViewAsync(DbSession session, Collection collection, string id, RequestInfo info, CancellationToken cancellationToken)
    {
        RequireRule(collection.ViewRule, info);
        return await FindUnderRuleAsync(session, collection, id, MustCheck(collection.ViewRule, info) ? collection.ViewRule : null, info, cancellationToken)
               ?? throw new NotFoundException();
    }

    /// <summary>
    /// The ids among <paramref name="records"/> (of an auth collection) whose manageRule the caller passes, in one query; their
    /// emails are then visible to the caller as PocketBase shows them to managers. Empty when there is no such rule.
    /// </summary>
    public async Task<IReadOnlySet<string>> ManagedIdsAsync(DbSession session, Collection collection, IReadOnlyList<RecordRow> records, RequestInfo info,
        CancellationToken cancellationToken)
    {
        if (records.Count == 0 || info.Auth is null || info.IsSuperuser || collection.Auth?.ManageRule is not { Length: > 0 } rule)
        {
            return new HashSet<string>();
        }

        var query = Query(collection, info);
        var names = records.Select((_, i) => "@mg" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        query.AddCondition($"{RecordQuery.Alias}.{database.Dialect.QuoteIdentifier("id")} IN ({string.Join(", ", names)})");
        query.AddRule(rule);
        await using var command = DbCommands.Create(session.Connection, session.Transaction, query.SelectSql());
        query.Bind(command);
        for (var i = 0; i < names.Length; i++)
        {
            command.AddParameter(names[i], records[i].Id);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return (await RecordReader.ReadAllAsync(reader, collection, database.Dialect, cancellationToken)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The record <paramref name="id"/> if it exists and passes <paramref name="rule"/> (null = no rule).</summary>
    internal async Task<RecordRow?> FindUnderRuleAsync(DbSession session, Collection collection, string id, string? rule, RequestInfo info,
        CancellationToken cancellationToken)
    {
        if (id.Length == 0 || id.Length > 255)
        {
            return null;
        }

        var query = Query(collection, info);
        query.AddCondition($"{RecordQuery.Alias}.{database.Dialect.QuoteIdentifier("id")} = @sb_id");
        if (rule is not null)
        {
            query.AddRule(rule);
        }

        var sql = query.SelectSql();
        await using var command = DbCommands.Create(session.Connection, session.Transaction, sql);
        query.Bind(command);
        command.AddParameter("@sb_id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? RecordReader.Read(reader, collection, database.Dialect) : null;
    }
}
