using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Dialects;

/// <summary>Value conversions between column types, in SQL that never fails on bad data.</summary>
public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    public override string ConvertColumnValue(string sqlExpr, ColumnSpec from, ColumnSpec to)
    {
        var converted = Convert(sqlExpr, from, to);
        var fallback = to.Type switch
        {
            ColumnType.Text or ColumnType.DateTime => "''",
            ColumnType.Number or ColumnType.Bool => "0",
            _ => to.JsonDefault is null ? null : QuoteLiteral(CheckedJson(to.JsonDefault)),
        };
        return fallback is null ? converted : $"COALESCE({converted}, {fallback})";
    }

    private string Convert(string c, ColumnSpec from, ColumnSpec to) => (from.Type, to.Type) switch
    {
        var (a, b) when a == b => c,
        (ColumnType.Text, ColumnType.Number) => $"CASE WHEN trim({c}) = '' OR trim({c}) GLOB '*[^0-9eE.+-]*' THEN 0 ELSE CAST(trim({c}) AS REAL) END",
        (ColumnType.Text, ColumnType.Bool) => $"CASE WHEN lower(trim({c})) IN ('true', '1') THEN 1 ELSE 0 END",
        (ColumnType.Text, ColumnType.DateTime) => TextToDate(c),
        (ColumnType.Text, ColumnType.Json) => to.IsJsonArray() ? ScalarToJsonArray(c) : QuoteJsonUnlessEmpty(c),
        (ColumnType.Number, ColumnType.Text) => $"CAST({c} AS TEXT)",
        (ColumnType.Number, ColumnType.Bool) => $"CASE WHEN {c} <> 0 THEN 1 ELSE 0 END",
        (ColumnType.Number, ColumnType.Json) => $"json_quote({c})",
        (ColumnType.Bool, ColumnType.Text or ColumnType.Json) => $"CASE WHEN {c} THEN 'true' ELSE 'false' END",
        (ColumnType.Bool, ColumnType.Number) => $"CASE WHEN {c} THEN 1 ELSE 0 END",
        (ColumnType.DateTime, ColumnType.Text) => c,
        (ColumnType.DateTime, ColumnType.Json) => QuoteJsonUnlessEmpty(c),
        (ColumnType.Json, ColumnType.Text) => from.IsJsonArray()
            ? JsonArrayLastAsText(c)
            : $"CASE WHEN {c} IS NULL THEN '' WHEN json_valid({c}) THEN (CASE json_type({c}) WHEN 'text' THEN json_extract({c}, '$') " +
              $"WHEN 'null' THEN '' ELSE json({c}) END) ELSE CAST({c} AS TEXT) END",
        (ColumnType.Json, ColumnType.Number) =>
            $"CASE WHEN json_valid({c}) THEN (CASE WHEN json_type({c}) IN ('integer', 'real') THEN json_extract({c}, '$') ELSE 0 END) ELSE 0 END",
        (ColumnType.Json, ColumnType.Bool) =>
            $"CASE WHEN json_valid({c}) THEN (CASE json_type({c}) WHEN 'true' THEN 1 WHEN 'integer' THEN json_extract({c}, '$') <> 0 " +
            $"WHEN 'real' THEN json_extract({c}, '$') <> 0 ELSE 0 END) ELSE 0 END",
        (ColumnType.Json, ColumnType.DateTime) =>
            $"CASE WHEN json_valid({c}) THEN (CASE WHEN json_type({c}) = 'text' THEN {TextToDate($"json_extract({c}, '$')")} END) END",
        (_, ColumnType.DateTime) => "''",
        (_, ColumnType.Number or ColumnType.Bool) => "0",
        _ => throw new ArgumentOutOfRangeException(nameof(to), to.Type, "Unknown column type."),
    };

    /// <summary>Text in a date layout (PocketBase's, RFC 3339, a plain date) to the stored layout; NULL otherwise.</summary>
    private static string TextToDate(string c) =>
        $"CASE WHEN trim({c}) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN strftime('%Y-%m-%d %H:%M:%fZ', trim({c})) END";

    private static string QuoteJsonUnlessEmpty(string c) => $"CASE WHEN COALESCE({c}, '') = '' THEN NULL ELSE json_quote({c}) END";
}
