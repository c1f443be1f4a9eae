namespace SharpBase.Storage.Dialects;

public abstract partial class SqlDialect
{
    /// <summary>SQL that is true when the JSON array <paramref name="sqlExpression"/> holds the text in <paramref name="parameterName"/>.</summary>
    public virtual string JsonArrayContains(string sqlExpression, string parameterName) =>
        $"EXISTS (SELECT 1 FROM json_each({sqlExpression}) WHERE json_each.value = {parameterName})";
}
