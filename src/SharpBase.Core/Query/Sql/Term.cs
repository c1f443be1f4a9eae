namespace SharpBase.Core.Query.Sql;

/// <summary>The SQLite storage class an operand yields (PostgreSQL emulates it); <see cref="Json"/> is decided per row.</summary>
internal enum TermType
{
    /// <summary>The NULL keyword.</summary>
    Null,
    /// <summary>Text (text, date, select, relation and file columns; text values).</summary>
    Text,
    /// <summary>A number (number and bool columns, numbers, lengths, date parts).</summary>
    Number,
    /// <summary>A JSON value: SQLite json_extract's scalar, a jsonb value on PostgreSQL.</summary>
    Json,
}

/// <summary>SQLite's column affinity, which converts the other operand of a comparison.</summary>
internal enum Affinity
{
    /// <summary>An expression or parameter.</summary>
    None,
    /// <summary>A TEXT column.</summary>
    Text,
    /// <summary>A NUMERIC column (number, bool, JSON).</summary>
    Numeric,
}

/// <summary>PocketBase's NullFallbackPreference.</summary>
internal enum NullFallback
{
    /// <summary>Fold NULL and '' where the other side allows it.</summary>
    Auto,
    /// <summary>Compare with IS / IS NOT (JSON, geoDistance, :changed).</summary>
    Disabled,
    /// <summary>Never treat as known non-empty (strftime).</summary>
    Enforced,
}

/// <summary>A parameter an operand uses.</summary>
internal sealed record TermParam(string Name, object? Value, Storage.Schema.ColumnType? Type = null);

/// <summary>
/// A resolved operand: PocketBase's ResolverResult. <see cref="Sql"/> is in the dialect's own form (for PostgreSQL a date
/// column is already its text rendering, a bool its 0/1 number, a JSON value jsonb).
/// </summary>
internal sealed record Term
{
    /// <summary>The SQL expression.</summary>
    public required string Sql { get; init; }

    /// <summary>The storage class.</summary>
    public TermType Type { get; init; } = TermType.Text;

    /// <summary>The affinity, when the operand is a plain column.</summary>
    public Affinity Affinity { get; init; }

    /// <summary>NULL/'' handling.</summary>
    public NullFallback NullFallback { get; init; }

    /// <summary>The parameters <see cref="Sql"/> uses.</summary>
    public IReadOnlyList<TermParam> Params { get; init; } = [];

    /// <summary>The operand is a single parameter whose value is known (a literal, a macro, a request value).</summary>
    public bool IsParam { get; init; }

    /// <summary>PostgreSQL: the term stands for <c>COALESCE(term, '')</c> (SQLite rewrites <see cref="Sql"/> instead).</summary>
    public bool Coalesced { get; init; }

    /// <summary>The operand is the TRUE/FALSE/1/0 keyword (PocketBase treats those as known non-empty).</summary>
    public bool IsBoolKeyword { get; init; }

    /// <summary>Values are many per row: the NOT EXISTS subquery for the "every item" semantics.</summary>
    public MultiMatch? Multi { get; init; }

    /// <summary>Wraps the whole comparison (email visibility, :changed).</summary>
    public Func<string, string>? AfterBuild { get; init; }

    /// <summary>The NULL keyword.</summary>
    public static Term Null { get; } = new() { Sql = "NULL", Type = TermType.Null };

    /// <summary>True for NULL or the '' text (PocketBase's isEmptyIdentifier).</summary>
    public bool IsEmptyKeyword => Type == TermType.Null || Sql == "''";

    /// <summary>True when a parameter holds NULL or ''.</summary>
    public bool HasEmptyParam => Params.Any(p => p.Value is null or "");
}

/// <summary>
/// PocketBase's MultiMatchSubquery: <c>SELECT value AS v FROM table alias JOINS WHERE alias.id = target.id</c>, giving every
/// value of a multi-valued operand for the current row.
/// </summary>
internal sealed class MultiMatch
{
    /// <summary>The queried collection's table.</summary>
    public required string FromTable { get; init; }

    /// <summary>Its alias inside the subquery.</summary>
    public required string FromAlias { get; init; }

    /// <summary>The outer alias of the same table.</summary>
    public required string TargetAlias { get; init; }

    /// <summary>LEFT JOIN clauses inside the subquery.</summary>
    public List<string> Joins { get; } = [];

    /// <summary>Parameters the joins use.</summary>
    public List<TermParam> Params { get; } = [];

    /// <summary>The value selected (its Sql, type and affinity).</summary>
    public Term? Value { get; set; }

    /// <summary>A copy whose value is <paramref name="value"/>.</summary>
    public MultiMatch WithValue(Term value)
    {
        var copy = new MultiMatch { FromTable = FromTable, FromAlias = FromAlias, TargetAlias = TargetAlias, Value = value };
        copy.Joins.AddRange(Joins);
        copy.Params.AddRange(Params);
        return copy;
    }
}
