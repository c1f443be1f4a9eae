using System.Globalization;
using System.Text;

namespace SharpBase.Storage.Dialects;

/// <summary>The JSON primitives; the defaults use the json1 functions (SQLite, MySQL), PostgreSQL overrides them.</summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// SQL selecting the value at <paramref name="path"/> inside the JSON <paramref name="sqlExpr"/>, as an SQL scalar:
    /// strings unquoted, objects and arrays as JSON text, NULL when missing. A segment of digits also indexes arrays.
    /// On SQLite numbers and booleans come back as numbers; on PostgreSQL every value comes back as text.
    /// </summary>
    public virtual string JsonExtract(string sqlExpr, IReadOnlyList<string> path) => $"json_extract({sqlExpr}, {QuoteLiteral(JsonPath(path))})";

    /// <summary>SQL giving the length of the JSON array <paramref name="sqlExpr"/>: 0 for NULL, invalid JSON or a non-array.</summary>
    public virtual string JsonArrayLength(string sqlExpr) =>
        $"COALESCE(CASE WHEN json_valid({sqlExpr}) THEN json_array_length({sqlExpr}) END, 0)";

    /// <summary>SQL turning the text <paramref name="sqlExpr"/> into a JSON array: <c>[]</c> for NULL or '', else a one-element array.</summary>
    public virtual string ScalarToJsonArray(string sqlExpr) => $"CASE WHEN COALESCE({sqlExpr}, '') = '' THEN '[]' ELSE json_array({sqlExpr}) END";

    /// <summary>
    /// SQL turning the JSON <paramref name="sqlExpr"/> into text: an array gives its last element ('' when empty), a string
    /// its unquoted value, NULL or JSON null gives '', anything else its JSON text.
    /// </summary>
    public virtual string JsonArrayLastAsText(string sqlExpr) =>
        $"CASE WHEN json_valid({sqlExpr}) THEN (CASE json_type({sqlExpr}) WHEN 'array' THEN COALESCE(CAST(json_extract({sqlExpr}, '$[#-1]') AS TEXT), '') " +
        $"WHEN 'text' THEN json_extract({sqlExpr}, '$') WHEN 'null' THEN '' ELSE json({sqlExpr}) END) ELSE COALESCE(CAST({sqlExpr} AS TEXT), '') END";

    /// <summary>A json1 path (<c>$."a"[0]</c>); keys are quoted, keys with a double quote are refused.</summary>
    private static string JsonPath(IReadOnlyList<string> path)
    {
        var builder = new StringBuilder("$");
        foreach (var segment in path)
        {
            if (segment.Length is > 0 and <= 9 && segment.All(char.IsAsciiDigit))
            {
                builder.Append('[').Append(int.Parse(segment, CultureInfo.InvariantCulture)).Append(']');
            }
            else if (segment.Contains('"', StringComparison.Ordinal))
            {
                throw new ArgumentException("A JSON path segment cannot contain a double quote.", nameof(path));
            }
            else
            {
                builder.Append(".\"").Append(segment).Append('"');
            }
        }

        return builder.ToString();
    }
}
