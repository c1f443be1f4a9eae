using System.Globalization;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core.Records;

/// <summary>
/// Reads records under PocketBase's rule outcomes on an open session: a null rule is superusers-only (403), a failing list
/// rule filters rows, a failing view rule answers 404. Superusers bypass rules. The schema snapshot is the caller's, taken
/// once per operation, so every query of one request sees the same collections.
/// </summary>
public sealed class RecordFinder(TimeProvider time)
{
    /// <summary>PocketBase's answer when a rule is null and the caller is not a superuser.</summary>
    public const string SuperusersOnly = "Only superusers can perform this action.";

    /// <summary>One page of the collection under its list rule and the client's filter and sort.</summary>
    public async Task<RecordPage> ListAsync(DbSession session, SchemaSnapshot schema, Collection collection, RecordListRequest request, RequestInfo info,
        CancellationToken cancellationToken)
    {
        RequireRule(collection.ListRule, info);
        var query = Query(session, schema, collection, info);
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

        var dialect = session.Dialect;
        var sql = query.SelectSql(sortable: true) + (query.OrderBy.Length > 0 ? " ORDER BY " + query.OrderBy : "") + dialect.LimitOffset("@sb_limit", "@sb_offset");
        List<RecordRow> rows;
        await using (var command = session.Command(sql))
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
            await using var count = session.Command($"SELECT COUNT({counted}) FROM {query.From} WHERE {query.Where}");
            query.Bind(count);
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return new RecordPage(request.Page, request.PerPage, total, rows);
    }

    /// <summary>One record under the view rule; 404 when missing or not visible to the caller.</summary>
    public async Task<RecordRow> ViewAsync(DbSession session, SchemaSnapshot schema, Collection collection, string id, RequestInfo info,
        CancellationToken cancellationToken)
    {
        RequireRule(collection.ViewRule, info);
        return await FindUnderRuleAsync(session, schema, collection, id, MustCheck(collection.ViewRule, info) ? collection.ViewRule : null, info, cancellationToken)
               ?? throw new NotFoundException();
    }

    /// <summary>
    /// The ids among <paramref name="records"/> (of an auth collection) whose manageRule the caller passes, in one query; their
    /// emails are then visible to the caller as PocketBase shows them to managers. Empty when there is no such rule.
    /// </summary>
    public async Task<IReadOnlySet<string>> ManagedIdsAsync(DbSession session, SchemaSnapshot schema, Collection collection, IReadOnlyList<RecordRow> records,
        RequestInfo info, CancellationToken cancellationToken)
    {
        if (records.Count == 0 || ManageRuleFor(collection, info) is not { } rule)
        {
            return new HashSet<string>();
        }

        var query = Query(session, schema, collection, info);
        var names = records.Select((_, i) => "@mg" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        query.AddCondition($"{RecordQuery.Alias}.{session.Dialect.QuoteIdentifier("id")} IN ({string.Join(", ", names)})");
        query.AddRule(rule);
        await using var command = session.Command(query.SelectSql());
        query.Bind(command);
        for (var i = 0; i < names.Length; i++)
        {
            command.AddParameter(names[i], records[i].Id);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return (await RecordReader.ReadAllAsync(reader, collection, session.Dialect, cancellationToken)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True when the caller passes <paramref name="target"/>'s collection manageRule for it (auth collections).</summary>
    public async Task<bool> IsManagerAsync(DbSession session, SchemaSnapshot schema, Collection collection, RecordRow target, RequestInfo info,
        CancellationToken cancellationToken) =>
        ManageRuleFor(collection, info) is { } rule && await FindUnderRuleAsync(session, schema, collection, target.Id, rule, info, cancellationToken) is not null;

    /// <summary>The collection's manageRule when the caller could pass it (signed in, not a superuser, a non-empty rule), else null.</summary>
    internal static string? ManageRuleFor(Collection collection, RequestInfo info) =>
        !info.IsSuperuser && info.Auth is not null && collection.Auth?.ManageRule is { Length: > 0 } rule ? rule : null;

    /// <summary>The record <paramref name="id"/> if it exists and passes <paramref name="rule"/> (null = no rule).</summary>
    public async Task<RecordRow?> FindUnderRuleAsync(DbSession session, SchemaSnapshot schema, Collection collection, string id, string? rule, RequestInfo info,
        CancellationToken cancellationToken)
    {
        if (id.Length == 0 || id.Length > 255)
        {
            return null;
        }

        var query = Query(session, schema, collection, info);
        query.AddCondition($"{RecordQuery.Alias}.{session.Dialect.QuoteIdentifier("id")} = @sb_id");
        if (rule is not null)
        {
            query.AddRule(rule);
        }

        await using var command = session.Command(query.SelectSql());
        query.Bind(command);
        command.AddParameter("@sb_id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? RecordReader.Read(reader, collection, session.Dialect) : null;
    }

    /// <summary>A query over <paramref name="collection"/> for this caller, to which rules and conditions are added.</summary>
    internal RecordQuery Query(DbSession session, SchemaSnapshot schema, Collection collection, RequestInfo request) =>
        new(collection, schema, request, session.Dialect, time);

    /// <summary>403 when <paramref name="rule"/> is null (superusers only) and the caller is not a superuser.</summary>
    internal static void RequireRule(string? rule, RequestInfo request)
    {
        if (rule is null && !request.IsSuperuser)
        {
            throw new ForbiddenException(SuperusersOnly);
        }
    }

    /// <summary>True when <paramref name="rule"/> must be checked for this caller (not null, not empty, not a superuser).</summary>
    internal static bool MustCheck(string? rule, RequestInfo request) => !request.IsSuperuser && !string.IsNullOrEmpty(rule);
}
