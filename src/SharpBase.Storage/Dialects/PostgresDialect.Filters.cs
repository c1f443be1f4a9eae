namespace SharpBase.Storage.Dialects;

/// <summary>The filter primitives on jsonb, timestamptz and boolean columns, plus the pieces that emulate SQLite's typing.</summary>
public sealed partial class PostgresDialect
{
    private const string UpperAscii = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ'";
    private const string LowerAsciiLetters = "'abcdefghijklmnopqrstuvwxyz'";
    private const string DateText = "'YYYY-MM-DD HH24:MI:SS.MS\"Z\"'";

    /// <summary>Text that SQLite's numeric affinity would turn into a number (surrounding spaces allowed, no hex).</summary>
    private const string NumericText = @"'^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'";

    /// <inheritdoc />
    public override bool IsStrictlyTyped => true;

    /// <inheritdoc />
    public override string JsonEachSource(string sqlExpr, bool isJson, string quotedAlias) => isJson
        ? $"LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof({sqlExpr}) = 'array' THEN {sqlExpr} ELSE jsonb_build_array({sqlExpr}) END) AS {quotedAlias}(\"value\")"
        : $"LATERAL jsonb_array_elements_text(jsonb_build_array({sqlExpr})) AS {quotedAlias}(\"value\")";

    /// <inheritdoc />
    public override string JsonPathValue(string sqlExpr, string pathParameter) => $"jsonb_extract_path({sqlExpr}, VARIADIC {pathParameter})";

    /// <inheritdoc />
    public override object JsonPathParameterValue(IReadOnlyList<string> segments) => segments.ToArray();

    /// <inheritdoc />
    public override string LowerAscii(string sqlExpr) => $"translate({sqlExpr}, {UpperAscii}, {LowerAsciiLetters})";

    /// <inheritdoc />
    public override string BinaryCollation => " COLLATE \"C\"";

    /// <inheritdoc />
    public override string? RowIdColumn(string quotedAlias) => null;

    /// <summary>A timestamptz as PocketBase's date text, '' for NULL.</summary>
    public static string DateAsText(string sqlExpr) => $"COALESCE(to_char({sqlExpr} AT TIME ZONE 'UTC', {DateText}), '')";

    /// <summary>A boolean as SQLite's 0/1 (NULL stays NULL), as double precision.</summary>
    public static string BoolAsNumber(string sqlExpr) => $"(({sqlExpr})::int::double precision)";

    /// <summary>A jsonb value's SQLite storage class: 1 number (booleans too), 2 text (strings, objects, arrays), NULL for null.</summary>
    public static string JsonClass(string sqlExpr) =>
        $"(CASE jsonb_typeof({sqlExpr}) WHEN 'number' THEN 1 WHEN 'boolean' THEN 1 WHEN 'string' THEN 2 WHEN 'object' THEN 2 WHEN 'array' THEN 2 END)";

    /// <summary>A jsonb number or boolean as double precision (what SQLite's json_extract returns), else NULL.</summary>
    public static string JsonNumber(string sqlExpr) =>
        $"(CASE jsonb_typeof({sqlExpr}) WHEN 'number' THEN ({sqlExpr} #>> '{{}}')::double precision WHEN 'boolean' THEN (CASE WHEN ({sqlExpr} #>> '{{}}') = 'true' THEN 1 ELSE 0 END)::double precision END)";

    /// <summary>
    /// A jsonb value as text: a string unquoted, an array or object as compact JSON text (no spaces between items,
    /// as SQLite writes it), numbers and booleans as SQLite renders them, NULL for JSON null.
    /// </summary>
    public static string JsonText(string sqlExpr) =>
        $"(CASE jsonb_typeof({sqlExpr}) WHEN 'string' THEN ({sqlExpr} #>> '{{}}') WHEN 'null' THEN NULL WHEN 'boolean' THEN (CASE WHEN ({sqlExpr} #>> '{{}}') = 'true' THEN '1' ELSE '0' END) " +
        $"WHEN 'array' THEN COALESCE((SELECT '[' || string_agg(e.value::text, ',' ORDER BY e.ordinality) || ']' FROM jsonb_array_elements({sqlExpr}) WITH ORDINALITY AS e), '[]') " +
        $"ELSE ({sqlExpr})::text END)";

    /// <summary>True when the text would get a number from SQLite's numeric affinity.</summary>
    public static string LooksNumeric(string textExpr) => $"({textExpr} ~ {NumericText})";

    /// <summary>Text that <see cref="LooksNumeric"/> accepts, as double precision.</summary>
    public static string TextToNumber(string textExpr) => $"(btrim({textExpr}))::double precision";

    /// <summary>A double precision as SQLite renders a stored NUMERIC value (integers without a decimal point).</summary>
    public static string NumberAsText(string numberExpr) => $"(({numberExpr})::text)";

    /// <summary>Text in a date layout as a UTC timestamp (without time zone); NULL for anything else. Never fails.</summary>
    public static string TextToUtcTimestamp(string textExpr) => $"(({TextToDate(textExpr)}) AT TIME ZONE 'UTC')";

    /// <summary>A number of Unix seconds as a UTC timestamp; NULL outside years 1–9999. Never fails.</summary>
    public static string UnixToUtcTimestamp(string numberExpr) =>
        $"(CASE WHEN ({numberExpr}) BETWEEN -62135596800 AND 253402300799 THEN to_timestamp({numberExpr}) AT TIME ZONE 'UTC' END)";

    /// <inheritdoc />
    /// <remarks>acos of a value rounded past ±1 gives NULL, as SQLite gives, instead of an error.</remarks>
    public override string GeoDistance(string lonA, string latA, string lonB, string latB)
    {
        var cosine = $"(cos(radians({latA})) * cos(radians({latB})) * cos(radians({lonB}) - radians({lonA})) + sin(radians({latA})) * sin(radians({latB})))";
        return $"(6371 * acos(CASE WHEN {cosine} BETWEEN -1 AND 1 THEN {cosine} END))";
    }
}
