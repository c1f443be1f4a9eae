namespace SharpBase.Storage.Schema;

/// <summary>
/// A parsed, validated index. Dialects re-emit it as DDL; the user's index string is never executed as written.
/// </summary>
public sealed record IndexSpec(string Name, string Table, bool Unique, IReadOnlyList<IndexColumn> Columns, IReadOnlyList<IndexCondition> Where);

/// <summary>One indexed column.</summary>
public sealed record IndexColumn(string Name, bool NoCase = false, bool Descending = false);

/// <summary>The comparison of a partial-index condition.</summary>
public enum IndexOperator
{
    /// <summary><c>col = value</c></summary>
    Equal,
    /// <summary><c>col != value</c></summary>
    NotEqual,
    /// <summary><c>col IS NULL</c></summary>
    IsNull,
    /// <summary><c>col IS NOT NULL</c></summary>
    IsNotNull,
}

/// <summary>One term of a partial index's WHERE clause; terms are joined with AND. <see cref="Value"/> is a string, double, bool or null.</summary>
public sealed record IndexCondition(string Column, IndexOperator Operator, object? Value);
