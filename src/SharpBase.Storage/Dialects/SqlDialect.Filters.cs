namespace SharpBase.Storage.Dialects;

/// <summary>
/// Primitives the filter compiler (Core/Query/Sql) builds on. Every <c>sqlExpr</c> argument is SQL the caller built from
/// quoted identifiers, parameter names and these primitives; none of them embeds user text.
/// The defaults are SQLite's, whose dynamic typing is the reference behaviour (PocketBase runs on it).
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// True when columns are strictly typed (PostgreSQL): the compiler then emulates SQLite's comparison rules
    /// (type classes, affinity, NULL/'' folding) instead of relying on the database.
    /// </summary>
    public virtual bool IsStrictlyTyped => false;

    /// <summary>
    /// A FROM/JOIN source yielding one row per item of <paramref name="sqlExpr"/> in a text column named <c>value</c>,
    /// aliased <paramref name="quotedAlias"/>: a JSON array gives its items, anything else (NULL included) a one-item
    /// list. <paramref name="isJson"/> tells whether the expression is a JSON column/value or plain text.
    /// </summary>
    public virtual string JsonEachSource(string sqlExpr, bool isJson, string quotedAlias) =>
        $"json_each(CASE WHEN iif(json_valid({sqlExpr}), json_type({sqlExpr}) = 'array', FALSE) THEN {sqlExpr} ELSE json_array({sqlExpr}) END) {quotedAlias}";

    /// <summary>
    /// The value at a path inside JSON, the path passed as parameter <paramref name="pathParameter"/> whose value comes
    /// from <see cref="JsonPathParameterValue"/>. SQLite: an SQL scalar (text, number, NULL; objects as JSON text);
    /// PostgreSQL: a jsonb value. Text that is not JSON is treated as a JSON string.
    /// </summary>
    public virtual string JsonPathValue(string sqlExpr, string pathParameter) =>
        $"json_extract(CASE WHEN json_valid({sqlExpr}) THEN {sqlExpr} ELSE json_quote({sqlExpr}) END, {pathParameter})";

    /// <summary>The parameter value for <see cref="JsonPathValue"/>: a json1 path (<c>$."a"[0]</c>) here, a text[] on PostgreSQL.</summary>
    public virtual object JsonPathParameterValue(IReadOnlyList<string> segments) => JsonPath(segments);

    /// <summary>ASCII-only lower-casing, as SQLite's <c>lower()</c> (no ICU) does.</summary>
    public virtual string LowerAscii(string sqlExpr) => $"LOWER({sqlExpr})";

    /// <summary>The collation that orders text by code point (SQLite's BINARY), appended after a text expression.</summary>
    public virtual string BinaryCollation => "";

    /// <summary>A random sort key.</summary>
    public virtual string RandomFunction => "RANDOM()";

    /// <summary>The insertion-order column of a table alias, or null when the table has none.</summary>
    public virtual string? RowIdColumn(string quotedAlias) => quotedAlias + "._rowid_";

    /// <summary>
    /// The SQL for a LEFT JOIN of <paramref name="source"/> (a quoted table with alias, or a <see cref="JsonEachSource"/>)
    /// on <paramref name="condition"/>, or on nothing (a cross join) when it is null.
    /// </summary>
    public virtual string LeftJoin(string source, string? condition) => $"LEFT JOIN {source} ON {condition ?? "TRUE"}";

    /// <summary>Haversine distance in km between two points given as SQL number expressions (degrees).</summary>
    public virtual string GeoDistance(string lonA, string latA, string lonB, string latB) =>
        $"(6371 * acos(cos(radians({latA})) * cos(radians({latB})) * cos(radians({lonB}) - radians({lonA})) + sin(radians({latA})) * sin(radians({latB}))))";
}
