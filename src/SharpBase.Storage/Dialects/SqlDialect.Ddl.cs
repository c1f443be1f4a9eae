using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Dialects;

/// <summary>DDL helpers shared by the dialects.</summary>
public abstract partial class SqlDialect
{
    /// <summary>CREATE [UNIQUE] INDEX IF NOT EXISTS over already-quoted column terms, with the partial-index WHERE clause.</summary>
    private protected string IndexStatement(IndexSpec index, IEnumerable<string> columnTerms)
    {
        if (index.Columns.Count == 0)
        {
            throw new ArgumentException("An index needs at least one column.", nameof(index));
        }

        var sql = $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX IF NOT EXISTS {QuoteIdentifier(index.Name)} ON {QuoteIdentifier(index.Table)} ({string.Join(", ", columnTerms)})";
        return index.Where.Count == 0 ? sql : sql + " WHERE " + IndexConditions(index.Where);
    }

    /// <summary>A partial index's WHERE terms joined with AND; a query that repeats them lets the planner use that index.</summary>
    public string IndexConditions(IEnumerable<IndexCondition> conditions) => string.Join(" AND ", conditions.Select(IndexCondition));

    private string IndexCondition(IndexCondition condition)
    {
        var column = QuoteIdentifier(condition.Column);
        return (condition.Operator, condition.Value) switch
        {
            (IndexOperator.IsNull, _) or (IndexOperator.Equal, null) => column + " IS NULL",
            (IndexOperator.IsNotNull, _) or (IndexOperator.NotEqual, null) => column + " IS NOT NULL",
            (IndexOperator.Equal, var value) => column + " = " + QuoteLiteral(value),
            (IndexOperator.NotEqual, var value) => column + " != " + QuoteLiteral(value),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "Unknown index operator."),
        };
    }

    /// <summary>Checks that a column's JSON default is valid JSON before it is written into DDL.</summary>
    private protected static string CheckedJson(string json) =>
        DbValues.IsValidJson(json) ? json : throw new ArgumentException("The JSON default is not valid JSON.", nameof(json));
}
