using SharpBase.Core.Query.Syntax;

namespace SharpBase.Core.Query.InMemory;

/// <summary>
/// Evaluates a parsed filter in memory with the semantics of PocketBase's SQL as SQLite runs it (see Query/README.md):
/// SQLite's storage classes and column affinity; NULL and <c>''</c> fold together for <c>=</c>/<c>!=</c> as
/// resolveEqualExpr decides; <c>~</c> is LIKE; plain operators over a multi-valued side need every item to match, the
/// <c>?</c> forms at least one.
/// </summary>
public static partial class FilterEvaluator
{
    /// <summary>
    /// True when <paramref name="node"/> holds for the values <paramref name="scope"/> supplies. Every operand is
    /// resolved once (as the SQL compiler resolves every identifier). As in SQL, where the joins a filter registers are
    /// shared by all its comparisons and the condition is tested once per joined row, the filter holds when one
    /// combination of rows of the joined lists it uses (<see cref="FilterValue.JoinKey"/>) satisfies it.
    /// </summary>
    public static bool Evaluate(FilterNode node, IFilterScope scope)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(scope);
        var values = new Dictionary<ComparisonNode, (FilterValue Left, FilterValue Right)>(ReferenceEqualityComparer.Instance);
        var joins = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var comparison in Comparisons(node))
        {
            var pair = (EvaluateOperand(comparison.Left, scope), EvaluateOperand(comparison.Right, scope));
            values[comparison] = pair;
            foreach (var value in new[] { pair.Item1, pair.Item2 }.Where(v => v is { IsList: true, JoinKey: not null }))
            {
                joins[value.JoinKey!] = value.MatchItems().Count;
            }
        }

        if (joins.Count == 0)
        {
            return Walk(node, c => Compare(values[c].Left, c.Operator, values[c].Right, null));
        }

        var keys = joins.Keys.ToArray();
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = new int[keys.Length];
        while (true)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                rows[keys[i]] = index[i];
            }

            if (Walk(node, c => Compare(values[c].Left, c.Operator, values[c].Right, rows)))
            {
                return true;
            }

            var k = 0;
            while (k < keys.Length && ++index[k] == joins[keys[k]])
            {
                index[k++] = 0;
            }

            if (k == keys.Length)
            {
                return false;
            }
        }
    }

    // Left-deep chains of && / || are walked iteratively; only parentheses (bounded by MaxDepth) recurse.
    private static bool Walk(FilterNode node, Func<ComparisonNode, bool> compare)
    {
        while (true)
        {
            switch (node)
            {
                case ComparisonNode comparison:
                    return compare(comparison);
                case LogicalNode logical:
                    var left = Walk(logical.Left, compare);
                    if (logical.Operator == LogicalOperator.And ? !left : left)
                    {
                        return left;
                    }

                    node = logical.Right;
                    continue;
                default:
                    throw new ArgumentException($"Unsupported filter node {node.GetType().Name}.", nameof(node));
            }
        }
    }

    // The comparisons of a tree, left to right, without recursion.
    private static List<ComparisonNode> Comparisons(FilterNode root)
    {
        var result = new List<ComparisonNode>();
        var stack = new Stack<FilterNode>();
        stack.Push(root);
        while (stack.TryPop(out var node))
        {
            switch (node)
            {
                case ComparisonNode comparison:
                    result.Add(comparison);
                    break;
                case LogicalNode logical:
                    stack.Push(logical.Right);
                    stack.Push(logical.Left);
                    break;
                default:
                    throw new ArgumentException($"Unsupported filter node {node.GetType().Name}.", nameof(root));
            }
        }

        return result;
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
            LiteralOperand literal => FilterValue.Of(literal.Value) with { IsLiteral = true },
            IdentifierOperand identifier => scope.Resolve(identifier),
            FunctionOperand function => scope.Call(function, function.Arguments.Select(a => EvaluateOperand(a, scope)).ToArray()),
            _ => throw new ArgumentException($"Unsupported operand {operand?.GetType().Name}.", nameof(operand)),
        };
    }

    /// <summary>The plain operator of a <c>?</c> form (<c>?!=</c> → <c>!=</c>); plain operators map to themselves.</summary>
    public static ComparisonOperator ToBase(ComparisonOperator op) =>
        IsAny(op) ? (ComparisonOperator)(op - ComparisonOperator.AnyEqual) : op;

    /// <summary>True for the <c>?</c> ("at least one") forms.</summary>
    public static bool IsAny(ComparisonOperator op) => op >= ComparisonOperator.AnyEqual;
}
