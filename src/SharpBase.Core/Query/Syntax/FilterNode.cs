namespace SharpBase.Core.Query.Syntax;

/// <summary>A node of a parsed filter or rule expression.</summary>
public abstract record FilterNode;

/// <summary><c>left &amp;&amp; right</c> or <c>left || right</c>.</summary>
public sealed record LogicalNode(LogicalOperator Operator, FilterNode Left, FilterNode Right) : FilterNode;

/// <summary><c>left op right</c>, the only leaf of an expression.</summary>
public sealed record ComparisonNode(Operand Left, ComparisonOperator Operator, Operand Right) : FilterNode;

/// <summary>How two sub-expressions combine.</summary>
public enum LogicalOperator
{
    /// <summary><c>&amp;&amp;</c></summary>
    And,
    /// <summary><c>||</c></summary>
    Or,
}
