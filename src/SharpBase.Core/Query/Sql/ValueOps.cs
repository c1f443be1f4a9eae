using SharpBase.Core.Query.Semantics;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// The comparison primitives PocketBase's SQL is made of, per database: <see cref="SqliteValueOps"/> writes PocketBase's
/// SQL as is; <see cref="PostgresValueOps"/> emulates SQLite's typing (storage classes, affinity, binary collation).
/// </summary>
internal abstract class ValueOps(SqlDialect dialect, SqlQueryState state)
{
    /// <summary>The '' text literal.</summary>
    public static Term EmptyText { get; } = new() { Sql = "''", Type = TermType.Text };

    protected SqlDialect Dialect => dialect;

    protected SqlQueryState State => state;

    public static ValueOps For(SqlDialect dialect, SqlQueryState state) =>
        dialect.IsStrictlyTyped ? new PostgresValueOps(dialect, state) : new SqliteValueOps(dialect, state);

    /// <summary><c>a op b</c> for op in = IS, IS NOT, &lt;, &lt;=, &gt;, &gt;=, with SQLite's semantics.</summary>
    public abstract string Compare(Term left, string op, Term right);

    /// <summary><c>a IS [NOT] NULL</c>.</summary>
    public abstract string IsNull(Term term, bool negate);

    /// <summary><c>COALESCE(a, '')</c> as a term (no affinity).</summary>
    public abstract Term Coalesce(Term term);

    /// <summary>
    /// <c>a [NOT] LIKE b ESCAPE '\'</c>, case-insensitive for ASCII. A right side without parameters (a column) is wrapped
    /// as <c>'%' || b || '%'</c>; parameter values are wrapped by <see cref="LikePattern.Wrap"/>.
    /// </summary>
    public abstract string Like(Term left, Term right, bool negate);

    /// <summary>The SQL of a term, registering its parameters.</summary>
    protected string Render(Term term) => Render(term, term.Params);

    /// <summary>The SQL of a term, registering <paramref name="parameters"/> in place of its own.</summary>
    protected string Render(Term term, IEnumerable<TermParam> parameters)
    {
        foreach (var p in parameters)
        {
            state.SetParameter(p.Name, new SqlParameterValue(p.Value, p.Type));
        }

        return term.Sql;
    }

    /// <summary>PocketBase's wrapLikeParams: each bound value as Go text (<see cref="SqlValues.ToPatternText"/>), wrapped by <see cref="LikePattern.Wrap"/>.</summary>
    protected static IEnumerable<TermParam> LikeParams(Term right) =>
        right.Params.Select(p => p with { Value = LikePattern.Wrap(SqlValues.ToPatternText(p.Value) ?? "") });
}
