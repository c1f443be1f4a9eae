using SharpBase.Core.Query.Syntax;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// The "every item" semantics of the plain operators over multi-valued operands: PocketBase's manyVsOneExpr and
/// manyVsManyExpr, a NOT EXISTS over the items for which the comparison fails.
/// </summary>
internal sealed partial class ExpressionCompiler
{
    private const string ValueColumn = "v";

    private string ManyVsOne(Term many, ComparisonOperator op, Term other, bool inverse)
    {
        var alias = _resolver.State.NewAlias("_s");
        var item = ItemTerm(many, alias, negate: true);
        var plainOther = Detached(other);
        var where = inverse ? Build(plainOther, op, item) : Build(item, op, plainOther);
        return $"NOT EXISTS (SELECT 1 FROM ({Subquery(many.Multi!)}) {Quote(alias)} WHERE {where})";
    }

    private string ManyVsMany(Term left, ComparisonOperator op, Term right)
    {
        var leftAlias = _resolver.State.NewAlias("_s");
        var rightAlias = _resolver.State.NewAlias("_s");
        var where = Build(ItemTerm(left, leftAlias, negate: false), op, ItemTerm(right, rightAlias, negate: true));
        return $"NOT EXISTS (SELECT 1 FROM ({Subquery(left.Multi!)}) {Quote(leftAlias)} " +
               $"LEFT JOIN ({Subquery(right.Multi!)}) {Quote(rightAlias)} ON TRUE WHERE {where})";
    }

    /// <summary>One item of the subquery as an operand; <paramref name="negate"/> adds the NOT of the NOT EXISTS.</summary>
    private Term ItemTerm(Term many, string alias, bool negate)
    {
        var value = many.Multi!.Value!;
        return new Term
        {
            Sql = Quote(alias) + "." + Quote(ValueColumn),
            Type = value.Type,
            Affinity = value.Affinity,
            NullFallback = many.NullFallback,
            AfterBuild = negate ? expr => $"NOT ({expr})" : null,
        };
    }

    /// <summary>The other operand inside the subquery: same SQL and parameters, default NULL handling, no multi-match.</summary>
    private static Term Detached(Term term) => term with { NullFallback = NullFallback.Auto, Multi = null, AfterBuild = null };

    private string Subquery(MultiMatch multi)
    {
        var value = multi.Value!;
        foreach (var p in value.Params)
        {
            _resolver.State.SetParameter(p.Name, new SqlParameterValue(p.Value, p.Type));
        }

        var joins = multi.Joins.Count == 0 ? "" : " " + string.Join(" ", multi.Joins);
        return $"SELECT {value.Sql} AS {Quote(ValueColumn)} FROM {Quote(multi.FromTable)} {Quote(multi.FromAlias)}{joins} " +
               $"WHERE {Quote(multi.FromAlias)}.{Quote("id")} = {Quote(multi.TargetAlias)}.{Quote("id")}";
    }

    private string Quote(string identifier) => _resolver.Dialect.QuoteIdentifier(identifier);
}
