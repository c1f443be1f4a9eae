using SharpBase.Core.Query.Syntax;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// Turns a filter tree into one SQL condition: PocketBase's buildParsedFilterExpr and buildResolversExpr
/// (<c>tools/search/filter.go</c>), with the comparisons themselves delegated to the dialect's <see cref="ValueOps"/>.
/// </summary>
internal sealed partial class ExpressionCompiler
{
    private readonly FieldResolver _resolver;
    private readonly ValueOps _ops;
    private int _expressions;

    public ExpressionCompiler(FieldResolver resolver)
    {
        _resolver = resolver;
        _ops = ValueOps.For(resolver.Dialect, resolver.State);
    }

    public string Compile(FilterNode node) => node switch
    {
        LogicalNode logical => $"({Compile(logical.Left)} {(logical.Operator == LogicalOperator.And ? "AND" : "OR")} {Compile(logical.Right)})",
        ComparisonNode comparison => CompileComparison(comparison),
        _ => throw FilterErrors.Invalid("unsupported expression item"),
    };

    /// <summary>Resolves an operand: literals and macros become parameters, names go through the resolver.</summary>
    public Term ResolveOperand(Operand operand) => operand switch
    {
        LiteralOperand { Value: null } => Term.Null,
        LiteralOperand { Value: bool b } => FieldResolver.BoolKeyword(b),
        LiteralOperand literal => _resolver.Param(literal.Value),
        IdentifierOperand identifier => _resolver.ResolveIdentifier(identifier.Path),
        FunctionOperand function => new FunctionCompiler(this, _resolver).Compile(function),
        _ => throw FilterErrors.Invalid("unsupported token type"),
    };

    private string CompileComparison(ComparisonNode node)
    {
        if (++_expressions > FilterLimits.MaxExpressions)
        {
            throw FilterErrors.Invalid("max filter expressions limit reached");
        }

        var left = ResolveOperand(node.Left);
        var right = ResolveOperand(node.Right);
        return Build(left, node.Operator, right);
    }

    /// <summary>PocketBase's buildResolversExpr.</summary>
    private string Build(Term left, ComparisonOperator op, Term right)
    {
        var expr = Plain(op) switch
        {
            ComparisonOperator.Equal => Equality(true, left, right),
            ComparisonOperator.NotEqual => Equality(false, left, right),
            ComparisonOperator.Like => _ops.Like(left, right, negate: false),
            ComparisonOperator.NotLike => _ops.Like(left, right, negate: true),
            var other => _ops.Compare(left, Symbol(other), right),
        };

        if (!IsAny(op))
        {
            if (left.Multi is not null && right.Multi is not null)
            {
                expr = $"({expr} AND {ManyVsMany(left, op, right)})";
            }
            else if (left.Multi is not null)
            {
                expr = $"({expr} AND {ManyVsOne(left, op, right, inverse: false)})";
            }
            else if (right.Multi is not null)
            {
                expr = $"({expr} AND {ManyVsOne(right, op, left, inverse: true)})";
            }
        }

        if (left.AfterBuild is not null)
        {
            expr = left.AfterBuild(expr);
        }

        return right.AfterBuild is null ? expr : right.AfterBuild(expr);
    }

    /// <summary>PocketBase's resolveEqualExpr: NULL and '' compare equal unless a side disables the fallback.</summary>
    private string Equality(bool equal, Term left, Term right)
    {
        var equalOp = equal ? "=" : "IS NOT";
        if (left.NullFallback == NullFallback.Disabled || right.NullFallback == NullFallback.Disabled)
        {
            return _ops.Compare(left, equal ? "IS" : "IS NOT", right);
        }

        var leftEmpty = left.IsEmptyKeyword || (left.NullFallback == NullFallback.Auto && left.Params.Count == 1 && left.HasEmptyParam);
        var rightEmpty = right.IsEmptyKeyword || (right.NullFallback == NullFallback.Auto && right.Params.Count == 1 && right.HasEmptyParam);
        if (leftEmpty && rightEmpty)
        {
            return equal ? "1=1" : "0=1";
        }

        if (KnownNonEmpty(left) || KnownNonEmpty(right))
        {
            return _ops.Compare(leftEmpty ? ValueOps.EmptyText : left, equalOp, rightEmpty ? ValueOps.EmptyText : right);
        }

        if (leftEmpty)
        {
            return equal
                ? $"({_ops.Compare(ValueOps.EmptyText, equalOp, right)} OR {_ops.IsNull(right, negate: false)})"
                : $"({_ops.Compare(ValueOps.EmptyText, equalOp, right)} AND {_ops.IsNull(right, negate: true)})";
        }

        if (rightEmpty)
        {
            return equal
                ? $"({_ops.Compare(left, equalOp, ValueOps.EmptyText)} OR {_ops.IsNull(left, negate: false)})"
                : $"({_ops.Compare(left, equalOp, ValueOps.EmptyText)} AND {_ops.IsNull(left, negate: true)})";
        }

        return _ops.Compare(_ops.Coalesce(left), equalOp, _ops.Coalesce(right));
    }

    private static bool KnownNonEmpty(Term term) =>
        term.NullFallback != NullFallback.Enforced &&
        (term.IsBoolKeyword || (term.Params.Count > 0 && !term.HasEmptyParam && !term.IsEmptyKeyword));

    private static bool IsAny(ComparisonOperator op) => op >= ComparisonOperator.AnyEqual;

    /// <summary>The operator without its <c>?</c>.</summary>
    private static ComparisonOperator Plain(ComparisonOperator op) => IsAny(op) ? (ComparisonOperator)(op - ComparisonOperator.AnyEqual) : op;

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        _ => throw FilterErrors.Invalid($"unknown expression operator {op}"),
    };
}
