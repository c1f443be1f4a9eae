using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Dialects;

/// <summary>
/// SQLite: PocketBase's column layout (dates as text, booleans as 0/1, JSON as text), <c>COLLATE NOCASE</c> indexes,
/// the json1 functions.
/// </summary>
public sealed partial class SqliteDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override string ColumnDefinition(ColumnSpec column)
    {
        if (column.PrimaryKey)
        {
            return column.Type == ColumnType.Text
                ? "TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL"
                : throw new ArgumentException("Only a text column can be the primary key.", nameof(column));
        }

        return column.Type switch
        {
            ColumnType.Text => "TEXT DEFAULT '' NOT NULL",
            ColumnType.Number => "NUMERIC DEFAULT 0 NOT NULL",
            ColumnType.Bool => "BOOLEAN DEFAULT FALSE NOT NULL",
            ColumnType.DateTime => "TEXT DEFAULT '' NOT NULL",
            ColumnType.Json => column.JsonDefault is null ? "JSON DEFAULT NULL" : $"JSON DEFAULT {QuoteLiteral(CheckedJson(column.JsonDefault))} NOT NULL",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown column type."),
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// SQLite cannot alter a column, and its columns keep the type affinity they were declared with (a NUMERIC column
    /// turns the text "007" into 7), so the column is rebuilt: add a converted copy, drop the original, rename the copy.
    /// </remarks>
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

        if (from.Type == to.Type && from.JsonDefault == to.JsonDefault)
        {
            return [RenameColumn(table, from.Name, to.Name)];
        }

        var temporary = to with { Name = "_sb_conv_" + to.Name };
        return
        [
            AddColumn(table, temporary),
            $"UPDATE {QuoteIdentifier(table)} SET {QuoteIdentifier(temporary.Name)} = {ConvertColumnValue(QuoteIdentifier(from.Name), from, to)}",
            DropColumn(table, from.Name),
            RenameColumn(table, temporary.Name, to.Name),
        ];
    }

    /// <inheritdoc />
    public override string CreateIndex(IndexSpec index)
    {
        var columns = index.Columns.Select(c => QuoteIdentifier(c.Name) + (c.NoCase ? " COLLATE NOCASE" : "") + (c.Descending ? " DESC" : ""));
        return IndexStatement(index, columns);
    }

    /// <inheritdoc />
    public override string IndexedEquals(IndexColumn column, string parameterName) =>
        QuoteIdentifier(column.Name) + " = " + parameterName + (column.NoCase ? " COLLATE NOCASE" : "");

    /// <inheritdoc />
    internal override string TableExistsSql(string nameParameter) =>
        $"SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = {nameParameter} COLLATE NOCASE";
}
