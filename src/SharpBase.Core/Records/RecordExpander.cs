using SharpBase.Core.Query.Semantics;
using SharpBase.Storage;
using System.Globalization;
using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core.Records;

/// <summary>
/// Loads <c>expand</c> paths for records already read: one query per relation and level, each under the related
/// collection's view rule (context <c>expand</c>). What the caller may not view is silently left out.
/// </summary>
public sealed class RecordExpander(RecordFinder finder)
{
    /// <summary>The deepest expand path, as in PocketBase.</summary>
    public const int MaxExpandDepth = 6;

    /// <summary>The most records one back-relation expands per record.</summary>
    public const int MaxBackRelationRecords = 1000;

    /// <summary>
    /// Loads <c>expand</c> paths (<c>author</c>, <c>author.team</c>, <c>comments_via_post</c>) for <paramref name="records"/>,
    /// one query per relation and level, each under the related collection's view rule (context <c>expand</c>); what the
    /// caller may not view is silently left out. Unknown names are ignored, as PocketBase does.
    /// </summary>
    public async Task ExpandAsync(DbSession session, SchemaSnapshot schema, IReadOnlyList<RecordRow> records, string? expand, RequestInfo info,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(expand) || records.Count == 0)
        {
            return;
        }

        var tree = ExpandTree.Parse(expand, MaxExpandDepth);
        foreach (var record in records)
        {
            record.Expand ??= new Dictionary<string, object>(StringComparer.Ordinal);
        }

        await ExpandLevelAsync(session, schema, records, tree, info with { Context = "expand" }, cancellationToken);
    }

    private async Task ExpandLevelAsync(DbSession session, SchemaSnapshot schema, IReadOnlyList<RecordRow> records, ExpandTree node, RequestInfo info, CancellationToken cancellationToken)
    {
        var collection = records[0].Collection;
        foreach (var (name, child) in node.Children)
        {
            List<RecordRow> loaded;
            if (collection.Fields.FirstOrDefault(f => f.Name == name) is RelationField relation && schema.Find(relation.CollectionId) is { } target)
            {
                loaded = await LoadVisibleAsync(session, schema, target, records.SelectMany(r => RecordRelations.Ids(r.Values[relation.Name])).Distinct().ToList(), info, cancellationToken);
                var byId = loaded.ToDictionary(r => r.Id, StringComparer.Ordinal);
                foreach (var record in records)
                {
                    var found = RecordRelations.Ids(record.Values[relation.Name]).Where(byId.ContainsKey).Select(id => byId[id]).ToList();
                    if (found.Count > 0)
                    {
                        record.Expand![name] = relation.IsMultiple ? found : found[^1];
                    }
                }
            }
            else if (BackRelation(schema, name, collection) is var (source, field))
            {
                loaded = await LoadBackRelationAsync(session, schema, source, field, records.Select(r => r.Id).ToList(), info, cancellationToken);
                var single = UniqueIndexes.SingleColumn(source, field.Name) is not null;
                // Group the loaded records by the ids they point at once, instead of re-reading every relation value per record.
                var byTarget = new Dictionary<string, List<RecordRow>>(StringComparer.Ordinal);
                foreach (var row in loaded)
                {
                    foreach (var pointedAt in RecordRelations.Ids(row.Values[field.Name]).Distinct(StringComparer.Ordinal))
                    {
                        (byTarget.TryGetValue(pointedAt, out var list) ? list : byTarget[pointedAt] = []).Add(row);
                    }
                }

                foreach (var record in records)
                {
                    if (byTarget.TryGetValue(record.Id, out var found))
                    {
                        record.Expand![name] = single ? found[0] : found.Take(MaxBackRelationRecords).ToList();
                    }
                }
            }
            else
            {
                continue;
            }

            if (child.Children.Count > 0 && loaded.Count > 0)
            {
                foreach (var row in loaded)
                {
                    row.Expand ??= new Dictionary<string, object>(StringComparer.Ordinal);
                }

                await ExpandLevelAsync(session, schema, loaded, child, info, cancellationToken);
            }
        }
    }

    private static (Collection Source, RelationField Field)? BackRelation(SchemaSnapshot schema, string name, Collection target)
    {
        if (!FieldNames.TryParseBackRelation(name, out var sourceName, out var fieldName) || schema.Find(sourceName) is not { } source)
        {
            return null;
        }

        return FieldNames.Find(source, fieldName) is RelationField field && field.CollectionId == target.Id ? (source, field) : null;
    }

    private Task<List<RecordRow>> LoadVisibleAsync(DbSession session, SchemaSnapshot schema, Collection target, List<string> ids, RequestInfo info, CancellationToken cancellationToken) =>
        LoadUnderViewRuleAsync(session, schema, target, info, query =>
        {
            var names = ids.Select((_, i) => "@ex" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            query.AddCondition($"{RecordQuery.Alias}.{session.Dialect.QuoteIdentifier("id")} IN ({string.Join(", ", names)})");
            return names.Zip(ids).Select(p => (p.First, (object?)p.Second)).ToList();
        }, ids.Count == 0, cancellationToken);

    private Task<List<RecordRow>> LoadBackRelationAsync(DbSession session, SchemaSnapshot schema, Collection source, RelationField field, List<string> ids, RequestInfo info,
        CancellationToken cancellationToken) =>
        LoadUnderViewRuleAsync(session, schema, source, info, query =>
        {
            var dialect = session.Dialect;
            var column = $"{RecordQuery.Alias}.{dialect.QuoteIdentifier(field.Name)}";
            var names = ids.Select((_, i) => "@ex" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            query.AddCondition(field.IsMultiple
                ? "(" + string.Join(" OR ", names.Select(n => dialect.JsonArrayContains(column, n))) + ")"
                : $"{column} IN ({string.Join(", ", names)})");
            return names.Zip(ids).Select(p => (p.First, (object?)p.Second)).ToList();
        }, ids.Count == 0, cancellationToken);

    private async Task<List<RecordRow>> LoadUnderViewRuleAsync(DbSession session, SchemaSnapshot schema, Collection collection, RequestInfo info,
        Func<RecordQuery, List<(string Name, object? Value)>> condition, bool empty, CancellationToken cancellationToken)
    {
        if (empty || (collection.ViewRule is null && !info.IsSuperuser))
        {
            return [];
        }

        var query = finder.Query(session, schema, collection, info);
        var parameters = condition(query);
        if (RecordFinder.MustCheck(collection.ViewRule, info))
        {
            query.AddRule(collection.ViewRule!);
        }

        var sql = query.SelectSql();
        await using var command = session.Command(sql);
        query.Bind(command);
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await RecordReader.ReadAllAsync(reader, collection, session.Dialect, cancellationToken);
    }
}
