using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Query.Syntax;

namespace SharpBase.Core.Query.InMemory;

/// <summary>
/// One comparison, mirroring <c>Sql/ExpressionCompiler</c> (PocketBase's buildResolversExpr, resolveEqualExpr and
/// multi-match) on SQLite: the pair semantics below are SQLite's, including column affinity.
/// </summary>
public static partial class FilterEvaluator
{
    /// <summary>
    /// Applies an operator to two values with multi-match semantics: some joined row must match (for two lists from the
    /// same join the rows pair item by item, otherwise every combination is a row); the plain forms over a list also
    /// need no item pair that definitely fails (a NULL comparison is neither, as in SQL's <c>NOT EXISTS</c>), where a
    /// single value compared with the items loses its NULL-folding opt-out as PocketBase's subquery does. An empty list
    /// counts as one NULL item.
    /// </summary>
    public static bool Compare(FilterValue left, ComparisonOperator op, FilterValue right) => Compare(left, op, right, null);

    // rows: the joined row each join key stands on while the whole filter is tested (see Evaluate); null = any row.
    private static bool Compare(FilterValue left, ComparisonOperator op, FilterValue right, IReadOnlyDictionary<string, int>? rows)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Unmatchable || right.Unmatchable)
        {
            return false;
        }

        var baseOp = ToBase(op);
        var leftItems = left.MatchItems();
        var rightItems = right.MatchItems();
        if (!AnyRowMatches(OnRow(leftItems, left, rows), left, baseOp, OnRow(rightItems, right, rows), right))
        {
            return false;
        }

        if (IsAny(op) || left is { IsList: true, MatchAll: false } || right is { IsList: true, MatchAll: false } || (!left.IsList && !right.IsList))
        {
            return true;
        }

        // manyVsOne detaches the single side (default NULL handling); manyVsMany keeps both items' own.
        var l = right.IsList && !left.IsList ? left with { DisableNullFolding = false } : left;
        var r = left.IsList && !right.IsList ? right with { DisableNullFolding = false } : right;
        foreach (var x in leftItems)
        {
            foreach (var y in rightItems)
            {
                if (ComparePair(x, l, baseOp, y, r) == false)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IReadOnlyList<object?> OnRow(IReadOnlyList<object?> items, FilterValue value, IReadOnlyDictionary<string, int>? rows) =>
        value.JoinKey is { } key && rows is not null && rows.TryGetValue(key, out var row) && row < items.Count ? [items[row]] : items;

    private static bool AnyRowMatches(IReadOnlyList<object?> leftItems, FilterValue left, ComparisonOperator op, IReadOnlyList<object?> rightItems, FilterValue right)
    {
        if (left.IsList && right.IsList && left.JoinKey is not null && left.JoinKey == right.JoinKey && leftItems.Count == rightItems.Count)
        {
            for (var i = 0; i < leftItems.Count; i++)
            {
                if (ComparePair(leftItems[i], left, op, rightItems[i], right) == true)
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var x in leftItems)
        {
            foreach (var y in rightItems)
            {
                if (ComparePair(x, left, op, y, right) == true)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Three-valued: null means SQL NULL (unknown).
    private static bool? ComparePair(object? l, FilterValue left, ComparisonOperator op, object? r, FilterValue right)
    {
        switch (op)
        {
            case ComparisonOperator.Equal or ComparisonOperator.NotEqual:
                return Equality(op == ComparisonOperator.Equal, l, left, r, right);
            case ComparisonOperator.Like or ComparisonOperator.NotLike:
                // LIKE works on text; a bound right side is PocketBase's wrapped pattern, anything else '%' || r || '%'.
                var bound = IsConstant(right);
                var text = SqlValues.ToText(l);
                var pattern = bound ? SqlValues.ToPatternText(r) : SqlValues.ToText(r);
                if (text is null || pattern is null)
                {
                    return null;
                }

                var match = LikePattern.IsMatch(text, bound ? LikePattern.Wrap(pattern) : "%" + pattern + "%");
                return op == ComparisonOperator.Like ? match : !match;
            default:
                if (l is null || r is null)
                {
                    return null;
                }

                var order = SqlValues.Compare(l, left.Affinity, r, right.Affinity);
                return op switch
                {
                    ComparisonOperator.Greater => order > 0,
                    ComparisonOperator.GreaterOrEqual => order >= 0,
                    ComparisonOperator.Less => order < 0,
                    _ => order <= 0,
                };
        }
    }

    /// <summary>
    /// PocketBase's resolveEqualExpr as SQLite evaluates it: <c>IS</c>/<c>IS NOT</c> when a side opts out of folding; a
    /// known non-empty side → a plain <c>=</c> / <c>IS NOT</c> with both sides' affinity; an empty known side →
    /// <c>'' = x OR x IS NULL</c>; otherwise <c>COALESCE(a, '') = COALESCE(b, '')</c>, where COALESCE drops the affinity.
    /// </summary>
    private static bool? Equality(bool equal, object? l, FilterValue left, object? r, FilterValue right)
    {
        if (left.DisableNullFolding || right.DisableNullFolding)
        {
            var same = l is null || r is null ? l is null && r is null : SqlValues.AreEqual(l, left.Affinity, r, right.Affinity);
            return equal ? same : !same;
        }

        var leftEmpty = IsEmptyConstant(left);
        var rightEmpty = IsEmptyConstant(right);
        if (leftEmpty && rightEmpty)
        {
            return equal;
        }

        if (IsKnownNonEmpty(left) || IsKnownNonEmpty(right))
        {
            var (a, aAffinity) = leftEmpty ? ("", SqlAffinity.None) : (l, left.Affinity);
            var (b, bAffinity) = rightEmpty ? ("", SqlAffinity.None) : (r, right.Affinity);
            if (a is null || b is null)
            {
                return equal ? null : !(a is null && b is null);
            }

            var same = SqlValues.AreEqual(a, aAffinity, b, bAffinity);
            return equal ? same : !same;
        }

        if (leftEmpty || rightEmpty)
        {
            var (other, affinity) = leftEmpty ? (r, right.Affinity) : (l, left.Affinity);
            return other is null ? equal : equal == SqlValues.AreEqual("", SqlAffinity.None, other, affinity);
        }

        return equal == SqlValues.AreEqual(l ?? "", SqlAffinity.None, r ?? "", SqlAffinity.None);
    }

    // A single value known when compiling (a bound parameter or keyword in SQL).
    private static bool IsConstant(FilterValue value) => value is { IsLiteral: true, IsList: false };

    private static bool IsEmptyConstant(FilterValue value) => IsConstant(value) && value.Scalar is null or "";

    private static bool IsKnownNonEmpty(FilterValue value) => IsConstant(value) && value.Scalar is not (null or "");
}
