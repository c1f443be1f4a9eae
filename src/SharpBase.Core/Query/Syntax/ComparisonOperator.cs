namespace SharpBase.Core.Query.Syntax;

/// <summary>
/// PocketBase's comparison operators. The <c>Any*</c> forms (<c>?=</c>, <c>?!=</c>, …) match when at least one value of a
/// multi-valued operand matches; the plain forms require every value to match.
/// </summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
    /// <summary><c>&gt;</c></summary>
    Greater,
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
    /// <summary><c>&lt;</c></summary>
    Less,
    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,
    /// <summary><c>~</c>: contains, case-insensitive (a LIKE with <c>%</c> added unless the value has its own).</summary>
    Like,
    /// <summary><c>!~</c></summary>
    NotLike,
    /// <summary><c>?=</c></summary>
    AnyEqual,
    /// <summary><c>?!=</c></summary>
    AnyNotEqual,
    /// <summary><c>?&gt;</c></summary>
    AnyGreater,
    /// <summary><c>?&gt;=</c></summary>
    AnyGreaterOrEqual,
    /// <summary><c>?&lt;</c></summary>
    AnyLess,
    /// <summary><c>?&lt;=</c></summary>
    AnyLessOrEqual,
    /// <summary><c>?~</c></summary>
    AnyLike,
    /// <summary><c>?!~</c></summary>
    AnyNotLike,
}
