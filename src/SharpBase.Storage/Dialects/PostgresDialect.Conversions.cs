using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Dialects;

/// <summary>Value conversions between column types, in SQL that never fails on bad data, and the jsonb primitives.</summary>
public sealed partial class PostgresDialect
{
    private const string NumberPattern = @"'^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,3})?$'";

    private const string DatePattern =
        @"'^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$'";

    /// <inheritdoc />
    public override string JsonExtract(string sqlExpr, IReadOnlyList<string> path) =>
        path.Count == 0 ? $"({sqlExpr} #>> '{{}}')" : $"jsonb_extract_path_text({sqlExpr}, {string.Join(", ", path.Select(p => QuoteLiteral(p)))})";

    /// <inheritdoc />
    public override string JsonArrayLength(string sqlExpr) =>
        $"CASE WHEN jsonb_typeof({sqlExpr}) = 'array' THEN jsonb_array_length({sqlExpr}) ELSE 0 END";

    /// <inheritdoc />
    public override string ScalarToJsonArray(string sqlExpr) =>
        $"CASE WHEN COALESCE({sqlExpr}, '') = '' THEN '[]'::jsonb ELSE jsonb_build_array({sqlExpr}) END";

    /// <inheritdoc />
    public override string JsonArrayLastAsText(string sqlExpr) =>
        $"CASE jsonb_typeof({sqlExpr}) WHEN 'array' THEN COALESCE({sqlExpr} ->> -1, '') WHEN 'null' THEN '' ELSE COALESCE({sqlExpr} #>> '{{}}', '') END";

    /// <inheritdoc />
    public override string ConvertColumnValue(string sqlExpr, ColumnSpec from, ColumnSpec to)
    {
        var converted = Convert(sqlExpr, from, to);
        return DefaultValue(to) is { } fallback ? $"COALESCE({converted}, {fallback})" : converted;
    }

    private string Convert(string c, ColumnSpec from, ColumnSpec to) => (from.Type, to.Type) switch
    {
        var (a, b) when a == b => c,
        (ColumnType.Text, ColumnType.Number) => $"CASE WHEN btrim({c}) ~ {NumberPattern} THEN btrim({c})::double precision ELSE 0 END",
        (ColumnType.Text, ColumnType.Bool) => $"lower(btrim({c})) IN ('true', '1')",
        (ColumnType.Text, ColumnType.DateTime) => TextToDate(c),
        (ColumnType.Text, ColumnType.Json) => to.IsJsonArray() ? ScalarToJsonArray(c) : $"CASE WHEN COALESCE({c}, '') = '' THEN NULL ELSE to_jsonb({c}) END",
        (ColumnType.Number, ColumnType.Text) => $"{c}::text",
        (ColumnType.Number, ColumnType.Bool) => $"{c} <> 0",
        (ColumnType.Number, ColumnType.Json) => $"CASE WHEN {c} IN ('NaN', 'Infinity', '-Infinity') THEN NULL ELSE to_jsonb({c}) END",
        (ColumnType.Bool, ColumnType.Text) => $"CASE WHEN {c} THEN 'true' ELSE 'false' END",
        (ColumnType.Bool, ColumnType.Number) => $"CASE WHEN {c} THEN 1 ELSE 0 END",
        (ColumnType.Bool, ColumnType.Json) => $"to_jsonb({c})",
        (ColumnType.DateTime, ColumnType.Text) => $"to_char({c} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS\"Z\"')",
        (ColumnType.DateTime, ColumnType.Json) => $"to_jsonb(to_char({c} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS\"Z\"'))",
        (ColumnType.Json, ColumnType.Text) => from.IsJsonArray() ? JsonArrayLastAsText(c) : $"({c} #>> '{{}}')",
        (ColumnType.Json, ColumnType.Number) => $"CASE WHEN jsonb_typeof({c}) = 'number' THEN ({c} #>> '{{}}')::double precision ELSE 0 END",
        (ColumnType.Json, ColumnType.Bool) =>
            $"CASE jsonb_typeof({c}) WHEN 'boolean' THEN ({c} #>> '{{}}')::boolean WHEN 'number' THEN ({c} #>> '{{}}')::double precision <> 0 ELSE FALSE END",
        (ColumnType.Json, ColumnType.DateTime) => $"CASE WHEN jsonb_typeof({c}) = 'string' THEN {TextToDate($"({c} #>> '{{}}')")} END",
        (_, ColumnType.DateTime) => "NULL::timestamptz",
        (_, ColumnType.Number) => "0",
        (_, ColumnType.Bool) => "FALSE",
        _ => throw new ArgumentOutOfRangeException(nameof(to), to.Type, "Unknown column type."),
    };

    /// <summary>
    /// Text in a date layout (PocketBase's, RFC 3339, a plain date) to a UTC timestamptz truncated to milliseconds; NULL
    /// otherwise. Built from its parts so no input can make it fail: a day past the month's end rolls over, as in SQLite.
    /// </summary>
    private static string TextToDate(string c)
    {
        var s = $"btrim({c})";
        var date = $"make_date(substr({s}, 1, 4)::int, substr({s}, 6, 2)::int, 1) + (substr({s}, 9, 2)::int - 1)";
        var time = $"COALESCE(substring({s} from '^.{{10}}[ T]([0-9:.]+)')::time, '00:00'::time)";
        var offset = $"COALESCE(substring({s} from '([+-][0-9]{{2}}:[0-9]{{2}})$')::interval, interval '0')";
        return $"CASE WHEN {s} ~ {DatePattern} THEN date_trunc('milliseconds', (({date}) + {time}) AT TIME ZONE 'UTC' - {offset}) END";
    }
}
