using System.Globalization;
using System.Text;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema;

/// <summary>
/// PocketBase's index strings (<c>CREATE UNIQUE INDEX idx ON t (a COLLATE NOCASE) WHERE a != ''</c>), parsed into an
/// <see cref="IndexSpec"/> that the dialect re-emits. Only this small grammar is accepted; the string is never run as written.
/// </summary>
public static class IndexDefinition
{
    /// <summary>The longest index string accepted.</summary>
    public const int MaxLength = 1000;

    /// <summary>Parses <paramref name="text"/>, or returns null with a reason in <paramref name="error"/>.</summary>
    public static IndexSpec? TryParse(string text, out string error)
    {
        error = "";
        if (text.Length > MaxLength)
        {
            error = "The index definition is too long.";
            return null;
        }

        try
        {
            return new IndexReader(IndexTokenizer.Tokenize(text)).Read();
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    /// <summary>The canonical text of a parsed index, as stored in the collection's <c>indexes</c>.</summary>
    public static string Format(IndexSpec index)
    {
        var text = new StringBuilder("CREATE ");
        if (index.Unique)
        {
            text.Append("UNIQUE ");
        }

        text.Append("INDEX `").Append(index.Name).Append("` ON `").Append(index.Table).Append("` (");
        text.AppendJoin(", ", index.Columns.Select(c =>
            "`" + c.Name + "`" + (c.NoCase ? " COLLATE NOCASE" : "") + (c.Descending ? " DESC" : "")));
        text.Append(')');
        if (index.Where.Count > 0)
        {
            text.Append(" WHERE ").AppendJoin(" AND ", index.Where.Select(FormatCondition));
        }

        return text.ToString();
    }

    private static string FormatCondition(IndexCondition condition) => condition.Operator switch
    {
        IndexOperator.IsNull => $"`{condition.Column}` IS NULL",
        IndexOperator.IsNotNull => $"`{condition.Column}` IS NOT NULL",
        _ => $"`{condition.Column}` {(condition.Operator == IndexOperator.Equal ? "=" : "!=")} {FormatLiteral(condition.Value)}",
    };

    private static string FormatLiteral(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => "'" + Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("'", "''", StringComparison.Ordinal) + "'",
    };
}
