using System.Globalization;
using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Dialects;

/// <summary>
/// PostgreSQL: real types (<c>double precision</c>, <c>boolean</c>, <c>timestamptz</c>, <c>jsonb</c>), case-insensitive
/// indexes as <c>lower(col)</c> expression indexes, the jsonb functions.
/// </summary>
public sealed partial class PostgresDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static readonly PostgresDialect Instance = new();

    private PostgresDialect()
    {
    }

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    /// <remarks>Text with a backslash uses the <c>E''</c> form, so it means the same whatever <c>standard_conforming_strings</c> says.</remarks>
    public override string QuoteLiteral(object? value) =>
        value is string s && s.Contains('\\', StringComparison.Ordinal)
            ? "E" + base.QuoteLiteral(s.Replace("\\", "\\\\", StringComparison.Ordinal))
            : base.QuoteLiteral(value);

    /// <inheritdoc />
    public override string ColumnDefinition(ColumnSpec column)
    {
        if (column.PrimaryKey)
        {
            return column.Type == ColumnType.Text
                ? "TEXT PRIMARY KEY NOT NULL"
                : throw new ArgumentException("Only a text column can be the primary key.", nameof(column));
        }

        var defaultValue = DefaultValue(column);
        return TypeName(column.Type) + (defaultValue is null ? " NULL" : $" DEFAULT {defaultValue} NOT NULL");
    }

    /// <inheritdoc />
    /// <remarks>DROP DEFAULT, DROP NOT NULL, TYPE ... USING a conversion that cannot fail, SET DEFAULT and SET NOT NULL as the target needs.</remarks>
    public override IReadOnlyList<string> ChangeColumnType(string table, ColumnSpec from, ColumnSpec to)
    {
        if (from == to)
        {
            return [];
        }

        if (from.PrimaryKey || to.PrimaryKey)
        {
            throw new ArgumentException("The primary key column cannot change.", nameof(to));
        }

        var statements = new List<string>();
        if (from.Type != to.Type || from.JsonDefault != to.JsonDefault)
        {
            var alter = $"ALTER TABLE {QuoteIdentifier(table)} ALTER COLUMN {QuoteIdentifier(from.Name)} ";
            statements.Add(alter + "DROP DEFAULT");
            statements.Add(alter + "DROP NOT NULL");
            statements.Add(alter + $"TYPE {TypeName(to.Type)} USING {ConvertColumnValue(QuoteIdentifier(from.Name), from, to)}");
            if (DefaultValue(to) is { } defaultValue)
            {
                statements.Add(alter + $"SET DEFAULT {defaultValue}");
                statements.Add(alter + "SET NOT NULL");
            }
        }

        if (from.Name != to.Name)
        {
            statements.Add(RenameColumn(table, from.Name, to.Name));
        }

        return statements;
    }

    /// <inheritdoc />
    public override string CreateIndex(IndexSpec index)
    {
        var columns = index.Columns.Select(c =>
            (c.NoCase ? FoldCase(QuoteIdentifier(c.Name)) : QuoteIdentifier(c.Name)) + (c.Descending ? " DESC" : ""));
        return IndexStatement(index, columns);
    }

    /// <inheritdoc />
    /// <remarks>Both sides are folded with the same <c>lower()</c> as the expression index, or the planner would not use it.</remarks>
    public override string IndexedEquals(IndexColumn column, string parameterName) => column.NoCase
        ? $"{FoldCase(QuoteIdentifier(column.Name))} = {FoldCase(parameterName)}"
        : $"{QuoteIdentifier(column.Name)} = {parameterName}";

    /// <summary>How a NOCASE index column is stored and compared here: an expression index over <c>lower(col)</c>.</summary>
    private static string FoldCase(string sqlExpr) => $"lower({sqlExpr})";

    /// <inheritdoc />
    public override string? AdvisoryTransactionLock(long key) => $"SELECT pg_advisory_xact_lock({key.ToString(CultureInfo.InvariantCulture)})";

    /// <inheritdoc />
    public override string RowLockClause => " FOR UPDATE";

    /// <inheritdoc />
    internal override string TableExistsSql(string nameParameter) =>
        "SELECT COUNT(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
        $"WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname = {nameParameter}";

    private static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Text => "TEXT",
        ColumnType.Number => "DOUBLE PRECISION",
        ColumnType.Bool => "BOOLEAN",
        ColumnType.DateTime => "TIMESTAMPTZ",
        ColumnType.Json => "JSONB",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>The DEFAULT of a NOT NULL column, or null for a nullable one (dates, JSON without a default).</summary>
    private string? DefaultValue(ColumnSpec column) => column.Type switch
    {
        ColumnType.Text => "''",
        ColumnType.Number => "0",
        ColumnType.Bool => "FALSE",
        ColumnType.Json when column.JsonDefault is { } json => QuoteLiteral(CheckedJson(json)) + "::jsonb",
        _ => null,
    };
}
