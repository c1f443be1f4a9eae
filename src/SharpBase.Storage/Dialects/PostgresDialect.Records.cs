namespace SharpBase.Storage.Dialects;

public sealed partial class PostgresDialect
{
    /// <inheritdoc />
    public override string JsonArrayContains(string sqlExpression, string parameterName) =>
        $"{sqlExpression} @> jsonb_build_array(CAST({parameterName} AS text))";
}
