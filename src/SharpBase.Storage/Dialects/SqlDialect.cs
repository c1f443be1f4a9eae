using System.Data.Common;
using System.Globalization;
using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Dialects;

/// <summary>
/// The SQL primitives that differ between databases. It knows nothing of rules or filters: callers pass
/// identifiers that come from a validated schema and parameter names they created; no user text reaches
/// the SQL it builds except through <see cref="QuoteIdentifier"/> and <see cref="QuoteLiteral"/>.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Name { get; }

    /// <summary>Quotes an identifier (double quotes, embedded quotes doubled). Empty names and NUL characters are refused.</summary>
    public virtual string QuoteIdentifier(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (identifier.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(identifier));
        }

        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Quotes a literal for DDL, where parameters are not allowed (index conditions, defaults): null, bool, a finite
    /// number or a string (embedded quotes doubled; NUL characters refused).
    /// </summary>
    public virtual string QuoteLiteral(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        float f when float.IsFinite(f) => QuoteLiteral((double)f),
        int or long or short or byte or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string s when !s.Contains('\0', StringComparison.Ordinal) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => throw new ArgumentException("Unsupported literal (a non-finite number, a NUL character or an unknown type).", nameof(value)),
    };

    /// <summary>The column type with its NOT NULL and DEFAULT clauses.</summary>
    public abstract string ColumnDefinition(ColumnSpec column);

    /// <summary>CREATE TABLE for a collection.</summary>
    public virtual string CreateTable(TableSpec table) =>
        $"CREATE TABLE {QuoteIdentifier(table.Name)} ({string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name) + " " + ColumnDefinition(c)))})";

    /// <summary>Renames a table.</summary>
    public virtual string RenameTable(string from, string to) => $"ALTER TABLE {QuoteIdentifier(from)} RENAME TO {QuoteIdentifier(to)}";

    /// <summary>Drops a table.</summary>
    public virtual string DropTable(string table) => $"DROP TABLE IF EXISTS {QuoteIdentifier(table)}";

    /// <summary>Adds a column.</summary>
    public virtual string AddColumn(string table, ColumnSpec column) =>
        $"ALTER TABLE {QuoteIdentifier(table)} ADD COLUMN {QuoteIdentifier(column.Name)} {ColumnDefinition(column)}";

    /// <summary>Renames a column.</summary>
    public virtual string RenameColumn(string table, string from, string to) =>
        $"ALTER TABLE {QuoteIdentifier(table)} RENAME COLUMN {QuoteIdentifier(from)} TO {QuoteIdentifier(to)}";

    /// <summary>Drops a column.</summary>
    public virtual string DropColumn(string table, string column) =>
        $"ALTER TABLE {QuoteIdentifier(table)} DROP COLUMN {QuoteIdentifier(column)}";

    /// <summary>
    /// Statements that change column <paramref name="from"/> of <paramref name="table"/> to <paramref name="to"/>
    /// (type, JSON default, and name when they differ), converting existing values with <see cref="ConvertColumnValue"/>;
    /// empty when nothing changes. Indexes and views that use the column must be dropped first and re-created after.
    /// </summary>
    public abstract IReadOnlyList<string> ChangeColumnType(string table, ColumnSpec from, ColumnSpec to);

    /// <summary>
    /// An SQL expression that converts <paramref name="sqlExpr"/>, a value of column <paramref name="from"/>, to the
    /// stored form of column <paramref name="to"/> without ever failing: text that is not a number becomes 0, text that
    /// is not a date becomes the empty date, and so on. Never NULL when the target column is NOT NULL.
    /// A text column becoming a JSON column whose default is <c>[]</c> wraps its value in an array
    /// (<see cref="ScalarToJsonArray"/>), and the reverse keeps the last element (<see cref="JsonArrayLastAsText"/>).
    /// </summary>
    public abstract string ConvertColumnValue(string sqlExpr, ColumnSpec from, ColumnSpec to);

    /// <summary>CREATE [UNIQUE] INDEX from a parsed spec.</summary>
    public abstract string CreateIndex(IndexSpec index);

    /// <summary>
    /// SQL that is true when <paramref name="column"/> equals the value in <paramref name="parameterName"/> the way an index
    /// over that column compares (case-insensitively for a NOCASE column), written so the planner can answer it from the
    /// index <see cref="CreateIndex"/> made.
    /// </summary>
    public abstract string IndexedEquals(IndexColumn column, string parameterName);

    /// <summary>Drops an index.</summary>
    public virtual string DropIndex(string index) => $"DROP INDEX IF EXISTS {QuoteIdentifier(index)}";

    /// <summary>CREATE VIEW over a superuser-authored SELECT (a view collection).</summary>
    public virtual string CreateView(string name, string selectSql) => $"CREATE VIEW {QuoteIdentifier(name)} AS {selectSql}";

    /// <summary>
    /// <paramref name="selectSql"/> wrapped so its <c>id</c> column is text, the other <paramref name="columns"/> kept in
    /// order: record ids are text everywhere (a lookup binds the id as text), but a view may compute a number, as in
    /// <c>SELECT 1 AS id</c> or <c>ROW_NUMBER() OVER ()</c>. PocketBase wraps such queries the same way.
    /// </summary>
    public string SelectWithTextId(string selectSql, IEnumerable<string> columns) =>
        "SELECT " + string.Join(", ", columns.Select(c => c == "id" ? $"CAST(q.{QuoteIdentifier(c)} AS TEXT) AS {QuoteIdentifier(c)}" : "q." + QuoteIdentifier(c))) +
        $" FROM ({selectSql}) AS q";

    /// <summary>Drops a view.</summary>
    public virtual string DropView(string name) => $"DROP VIEW IF EXISTS {QuoteIdentifier(name)}";

    /// <summary>A LIMIT/OFFSET clause over two parameter names (e.g. <c>@limit</c>).</summary>
    public virtual string LimitOffset(string limitParameter, string offsetParameter) => $" LIMIT {limitParameter} OFFSET {offsetParameter}";

    /// <summary>
    /// A statement that takes a transaction-scoped lock shared by every node on <paramref name="key"/>, or null when the
    /// database needs none (SQLite: writes are already serialized). Use it to serialize schema changes across nodes.
    /// </summary>
    public virtual string? AdvisoryTransactionLock(long key) => null;

    /// <summary>
    /// The clause that locks the rows a single-table SELECT returns until the transaction ends (<c> FOR UPDATE</c>), or
    /// empty when writes are already serialized (SQLite). A read-modify-write takes it before it reads, so under READ
    /// COMMITTED the read sees the last committed row and no concurrent writer can change it before the write.
    /// </summary>
    public virtual string RowLockClause => "";

    /// <summary>Converts a CLR value (string, double, bool, DateTimeOffset?, JSON text) into what this database stores for the column type.</summary>
    public abstract object ToDbValue(ColumnType type, object? value);

    /// <summary>
    /// Converts a value read from the database back to the CLR form: string, double, bool, DateTimeOffset? or JSON text. A
    /// date column holding text in a layout other than the stored one (written by another tool) gives that text back.
    /// </summary>
    public virtual object? FromDbValue(ColumnType type, object? value)
    {
        if (value is DBNull)
        {
            value = null;
        }

        return type switch
        {
            ColumnType.Text => DbValues.ReadText(value),
            ColumnType.Number => DbValues.ReadDouble(value),
            ColumnType.Bool => DbValues.ReadBool(value),
            ColumnType.DateTime => value switch { string s => DbValues.ReadDate(s), DateTime or DateTimeOffset => DbValues.ToDate(value), _ => null },
            ColumnType.Json => ReadJson(value),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
        };
    }

    /// <summary>Reads a stored JSON value back as JSON text (null stays null).</summary>
    protected virtual string? ReadJson(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => DbValues.ReadText(value),
    };

    /// <summary>Sets the provider type of a parameter that carries a value of <paramref name="type"/> (jsonb, timestamptz on PostgreSQL).</summary>
    public virtual void ConfigureParameter(DbParameter parameter, ColumnType type)
    {
    }

    /// <summary>
    /// Adds parameter <paramref name="name"/> holding the CLR <paramref name="value"/> of a <paramref name="type"/> column:
    /// <see cref="ToDbValue"/> plus <see cref="ConfigureParameter"/>. Use it for every value written to a typed column.
    /// </summary>
    public DbParameter AddValueParameter(DbCommand command, string name, ColumnType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = ToDbValue(type, value);
        ConfigureParameter(parameter, type);
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Classifies a database error so Core can answer 400 <c>validation_not_unique</c> and friends.</summary>
    public abstract DbErrorKind Classify(DbException exception);

    /// <summary>For a unique violation: the columns of the violated index, when the database tells them.</summary>
    public abstract IReadOnlyList<string> UniqueViolationColumns(DbException exception);

    /// <summary>The SQL of a query returning one row whose first column counts the tables or views named by <paramref name="nameParameter"/>.</summary>
    internal abstract string TableExistsSql(string nameParameter);
}
