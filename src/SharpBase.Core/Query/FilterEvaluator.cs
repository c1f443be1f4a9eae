using SharpBase.Core.Query.Ast;

namespace SharpBase.Core.Query;

/// <summary>
/// Evaluates a parsed filter in memory with the semantics of PocketBase's SQL (see Query/README.md): NULL and
/// <c>''</c> fold together for <c>=</c>/<c>!=</c>; <c>~</c> is LIKE; plain operators over a multi-valued side need every
/// item to match, the <c>?</c> forms at least one.
/// </summary>
public static class FilterEvaluator
{
    /// <summary>True when <paramref name="node"/> holds for the values <paramref name="scope"/> supplies.</summary>
    public static bool Evaluate(FilterNode node, IFilterScope scope)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(scope);

        // Left-deep chains of && / || are walked iteratively; only parentheses (bounded by MaxDepth) recurse.
        while (true)
        {
            switch (node)
            {
                case ComparisonNode comparison:
                    return EvaluateComparison(comparison, scope);
                case LogicalNode logical:
                    var right = EvaluateLeft(logical, scope, out var decided);
                    if (decided)
                    {
                        return right;
                    }

                    node = logical.Right;
                    continue;
                default:
                    throw new ArgumentException($"Unsupported filter node {node.GetType().Name}.", nameof(node));
            }
        }
    }

    // Evaluates the left side; when it decides the result (false for &&, true for ||) returns it with decided = true.
    private static bool EvaluateLeft(LogicalNode logical, IFilterScope scope, out bool decided)
    {
        var left = Evaluate(logical.Left, scope);
        decided = logical.Operator == LogicalOperator.And ? !left : left;
        return left;
    }

    /// <summary>Evaluates one comparison.</summary>
    public static bool EvaluateComparison(ComparisonNode comparison, IFilterScope scope)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(scope);
        var left = EvaluateOperand(comparison.Left, scope);
        var right = EvaluateOperand(comparison.Right, scope);
        return Compare(left, comparison.Operator, right);
    }

    /// <summary>The value of one operand.</summary>
    public static FilterValue EvaluateOperand(Operand operand, IFilterScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return operand switch
        {
            LiteralOperand literal => FilterValue.Of(literal.Value) with { IsLiteral = literal.Value is not null },
            IdentifierOperand identifier => scope.Resolve(identifier),
            FunctionOperand function => scope.Call(function, function.Arguments.Select(a => EvaluateOperand(a, scope)).ToArray()),
            _ => throw new ArgumentException($"Unsupported operand {operand?.GetType().Name}.", nameof(operand)),
        };
    }

    /// <summary>
    /// Applies an operator to two values with multi-match semantics: the <c>?</c> forms need one item pair that
    /// matches; the plain forms need one pair that matches and no pair that definitely fails (a NULL comparison is
    /// neither, as in SQL's <c>NOT EXISTS</c>). An empty list counts as one NULL item.
    /// </summary>
    public static bool Compare(FilterValue left, ComparisonOperator op, FilterValue right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Unmatchable || right.Unmatchable)
        {
            return false;
        }

        var any = IsAny(op) || left is { IsList: true, MatchAll: false } || right is { IsList: true, MatchAll: false };
        var baseOp = ToBase(op);
        var anyTrue = false;
        foreach (var l in left.MatchItems())
        {
            foreach (var r in right.MatchItems())
            {
                switch (ComparePair(l, left, baseOp, r, right))
                {
                    case true when any:
                        return true;
                    case true:
                        anyTrue = true;
                        break;
                    case false when !any:
                        return false;
                }
            }
        }

        return anyTrue;
    }

    /// <summary>The plain operator of a <c>?</c> form (<c>?!=</c> → <c>!=</c>); plain operators map to themselves.</summary>
    public static ComparisonOperator ToBase(ComparisonOperator op) =>
        IsAny(op) ? (ComparisonOperator)(op - ComparisonOperator.AnyEqual) : op;

    /// <summary>True for the <c>?</c> ("at least one") forms.</summary>
    public static bool IsAny(ComparisonOperator op) => op >= ComparisonOperator.AnyEqual;

    // Three-valued: null means SQL NULL (unknown).
    private static bool? ComparePair(object? l, FilterValue left, ComparisonOperator op, object? r, FilterValue right)
    {
        switch (op)
        {
            case ComparisonOperator.Equal or ComparisonOperator.NotEqual:
                var equal = left.DisableNullFolding || right.DisableNullFolding
                    ? (l is null || r is null ? l is null && r is null : SqlValues.AreEqual(l, r))
                    : SqlValues.AreEqual(l ?? "", r ?? "");
                return op == ComparisonOperator.Equal ? equal : !equal;
            case ComparisonOperator.Like or ComparisonOperator.NotLike:
                var text = SqlValues.ToText(l);
                var pattern = SqlValues.ToText(r);
                if (text is null || pattern is null)
                {
                    return null;
                }

                var match = LikePattern.IsMatch(text, right.IsLiteral ? LikePattern.Wrap(pattern) : "%" + pattern + "%");
                return op == ComparisonOperator.Like ? match : !match;
            default:
                if (l is null || r is null)
                {
                    return null;
                }

                var order = SqlValues.Compare(l, r);
                return op switch
                {
                    ComparisonOperator.Greater => order > 0,
                    ComparisonOperator.GreaterOrEqual => order >= 0,
                    ComparisonOperator.Less => order < 0,
                    _ => order <= 0,
                };
        }
    }
}
