using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Query.Sql;

/// <summary>Conversions of a term's SQL to text or number where a function needs one (a no-op on SQLite).</summary>
internal static class ValueSql
{
    /// <summary>The term as text: PostgreSQL renders numbers and JSON values the way SQLite converts them.</summary>
    public static string AsText(SqlDialect dialect, Term term) => !dialect.IsStrictlyTyped ? term.Sql : term.Type switch
    {
        TermType.Number => PostgresDialect.NumberAsText(term.Sql),
        TermType.Json => PostgresDialect.JsonText(term.Sql),
        TermType.Null => "NULL::text",
        _ => term.Sql,
    };

    /// <summary>A converter of terms to number SQL: PostgreSQL reads JSON numbers and numeric text, anything else is NULL.</summary>
    public static Func<Term, string> AsNumber(SqlDialect dialect) => term => !dialect.IsStrictlyTyped ? term.Sql : term.Type switch
    {
        TermType.Number => term.Sql,
        TermType.Json => PostgresDialect.JsonNumber(term.Sql),
        TermType.Null => "NULL::double precision",
        _ => $"(CASE WHEN {PostgresDialect.LooksNumeric(term.Sql)} THEN {PostgresDialect.TextToNumber(term.Sql)} END)",
    };
}
