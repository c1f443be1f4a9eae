using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Migrations;

/// <summary>
/// Plans the DDL from one version of a collection to another (either may be null: create, drop).
/// Fields are matched by id, so a renamed field keeps its column and data. All identifiers come from
/// validated collections and are quoted by the dialect.
/// </summary>
public static class SchemaPlanner
{
    /// <summary>
    /// Plans the change from <paramref name="before"/> to <paramref name="after"/>; a view is created over
    /// <paramref name="viewSelect"/> when given (its query rewritten, see <see cref="SqlDialect.SelectWithTextId"/>).
    /// </summary>
    public static SchemaPlan Plan(Collection? before, Collection? after, SqlDialect dialect, string? viewSelect = null)
    {
        var statements = new List<string>();
        var losses = new List<DataLoss>();
        if (before?.Type == CollectionType.View && (after is null || after.Type != CollectionType.View || after.Name != before.Name || after.ViewQuery != before.ViewQuery))
        {
            statements.Add(dialect.DropView(before.Name));
        }

        if (after is null)
        {
            if (before is { Type: not CollectionType.View })
            {
                statements.Add(dialect.DropTable(before.Name));
                losses.Add(new DataLoss(before.Name, null, $"drop collection \"{before.Name}\" and all its records"));
            }

            return new SchemaPlan(statements, losses);
        }

        if (after.Type == CollectionType.View)
        {
            if (before is null || before.Type != CollectionType.View || after.Name != before.Name || after.ViewQuery != before.ViewQuery)
            {
                statements.Add(dialect.CreateView(after.Name, viewSelect ?? ViewQuery.Normalize(after.ViewQuery)));
            }

            return new SchemaPlan(statements, losses);
        }

        if (before is null)
        {
            statements.Add(dialect.CreateTable(after.ToTable()));
            statements.AddRange(Indexes(after).Select(dialect.CreateIndex));
            return new SchemaPlan(statements, losses);
        }

        PlanTableChange(before, after, dialect, statements, losses);
        return new SchemaPlan(statements, losses);
    }

    private static void PlanTableChange(Collection before, Collection after, SqlDialect dialect, List<string> statements, List<DataLoss> losses)
    {
        var beforeById = before.Fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var afterById = after.Fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var dropped = before.Fields.Where(f => !afterById.ContainsKey(f.Id)).ToList();
        var renamed = after.Fields.Where(f => beforeById.TryGetValue(f.Id, out var old) && old.Name != f.Name).ToList();
        var changed = after.Fields.Where(f => beforeById.TryGetValue(f.Id, out var old) && FieldChangeValidator.ColumnChanged(old, f)).ToList();
        var added = after.Fields.Where(f => !beforeById.ContainsKey(f.Id)).ToList();

        var oldIndexes = Indexes(before).ToList();
        var newIndexes = Indexes(after).ToList();
        var rebuildAll = before.Name != after.Name || dropped.Count > 0 || renamed.Count > 0 || changed.Count > 0;
        statements.AddRange(oldIndexes.Where(i => rebuildAll || !newIndexes.Contains(i, IndexSpecComparer.Instance)).Select(i => dialect.DropIndex(i.Name)));

        var table = after.Name;
        if (before.Name != after.Name)
        {
            statements.Add(dialect.RenameTable(before.Name, after.Name));
        }

        foreach (var field in dropped)
        {
            statements.Add(dialect.DropColumn(table, field.Name));
            losses.Add(new DataLoss(table, field.Name, $"drop field \"{field.Name}\" of \"{table}\""));
        }

        // Two-phase renames through temporary names, so swaps (a→b, b→a) cannot collide.
        foreach (var field in renamed)
        {
            statements.Add(dialect.RenameColumn(table, beforeById[field.Id].Name, TemporaryName(field)));
        }

        foreach (var field in renamed)
        {
            statements.Add(dialect.RenameColumn(table, TemporaryName(field), field.Name));
        }

        foreach (var field in changed)
        {
            var old = beforeById[field.Id];
            if (field.NarrowsFrom(old))
            {
                losses.Add(new DataLoss(table, field.Name, $"narrow field \"{field.Name}\" of \"{table}\" from {Describe(old)} to {Describe(field)} (keeps one value per record)"));
            }

            statements.AddRange(ColumnConversion(table, old, field, dialect));
        }

        statements.AddRange(added.Select(f => dialect.AddColumn(table, f.Column)));
        statements.AddRange(newIndexes.Where(i => rebuildAll || !oldIndexes.Contains(i, IndexSpecComparer.Instance)).Select(dialect.CreateIndex));
    }

    /// <summary>Moves a column to a new definition through a temporary column: add, copy converted, drop, rename.</summary>
    private static IEnumerable<string> ColumnConversion(string table, Field old, Field next, SqlDialect dialect)
    {
        var temporary = next.Column with { Name = TemporaryName(next) };
        var source = dialect.QuoteIdentifier(next.Name);
        var converted = (old.Column.Type, next.Column.Type) switch
        {
            (ColumnType.Text, ColumnType.Json) => dialect.ScalarToJsonArray(source),
            (ColumnType.Json, ColumnType.Text) => dialect.JsonArrayLastAsText(source),
            _ => source,
        };
        yield return dialect.AddColumn(table, temporary);
        yield return $"UPDATE {dialect.QuoteIdentifier(table)} SET {dialect.QuoteIdentifier(temporary.Name)} = {converted}";
        yield return dialect.DropColumn(table, next.Name);
        yield return dialect.RenameColumn(table, temporary.Name, next.Name);
    }

    private static string Describe(Field field) => field is MultiValueField { IsMultiple: true } ? "multiple values" : "a single value";

    private static string TemporaryName(Field field) => "_sb_tmp_" + field.Id;

    private static IEnumerable<IndexSpec> Indexes(Collection collection) =>
        collection.Indexes.Select(i => IndexDefinition.TryParse(i, out _)).OfType<IndexSpec>().Select(s => s with { Table = collection.Name });

    private sealed class IndexSpecComparer : IEqualityComparer<IndexSpec>
    {
        public static readonly IndexSpecComparer Instance = new();

        public bool Equals(IndexSpec? x, IndexSpec? y) =>
            x is not null && y is not null && IndexDefinition.Format(x) == IndexDefinition.Format(y);

        public int GetHashCode(IndexSpec obj) => IndexDefinition.Format(obj).GetHashCode(StringComparison.Ordinal);
    }
}
