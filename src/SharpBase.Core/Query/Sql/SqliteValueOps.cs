using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Query.Sql;

/// <summary>SQLite: PocketBase's own SQL; the database's dynamic typing is the reference semantics.</summary>
internal sealed class SqliteValueOps(SqlDialect dialect, SqlQueryState state) : ValueOps(dialect, state)
{
    /// <inheritdoc />
    public override string Compare(Term left, string op, Term right) => $"{Render(left)} {op} {Render(right)}";

    /// <inheritdoc />
    public override string IsNull(Term term, bool negate) => $"{Render(term)} {(negate ? "IS NOT NULL" : "IS NULL")}";

    /// <inheritdoc />
    public override Term Coalesce(Term term) => term with { Sql = $"COALESCE({term.Sql}, '')", Affinity = Affinity.None, IsParam = false };

    /// <inheritdoc />
    public override string Like(Term left, Term right, bool negate)
    {
        var like = negate ? "NOT LIKE" : "LIKE";
        return right.Params.Count == 0
            ? $"{Render(left)} {like} ('%' || {Render(right)} || '%') ESCAPE '\\'"
            : $"{Render(left)} {like} {Render(right, LikeParams(right))} ESCAPE '\\'";
    }
}
