using System.Globalization;
using System.Text.RegularExpressions;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// SQLite's <c>strftime</c> on PostgreSQL. A literal time value is formatted when compiling (<see cref="Semantics.SqliteStrftime"/>);
/// otherwise the format is translated piece by piece (<c>%d %e %f %F %H %j %m %M %s %S %T %u %w %W %Y %%</c>) over a UTC
/// timestamp, with the modifiers <c>±N unit(s)</c>, <c>start of day|month|year</c>, <c>unixepoch</c>, <c>utc</c> and
/// <c>localtime</c> (no-ops). Other modifiers are refused with 400; an unknown specifier gives NULL, as in SQLite.
/// </summary>
internal sealed partial class PostgresStrftime(FieldResolver resolver)
{
    private const string UnixEpochJulianDay = "2440587.5";

    public Term Compile(string format, Term? time, IReadOnlyList<string> modifiers)
    {
        if (time is null || (time.IsParam && time.Params.Count == 1) || time.Type == TermType.Null)
        {
            var value = time is null ? "now" : time.Type == TermType.Null ? null : time.Params[0].Value;
            var formatted = value is null ? null : Semantics.SqliteStrftime.Format(format, value is long l ? (double)l : value, modifiers, resolver.Context.Time.GetUtcNow());
            var constant = resolver.Param(formatted);
            return constant with { NullFallback = NullFallback.Enforced, IsParam = false };
        }

        var unixEpoch = modifiers.Any(m => m.Trim().Equals("unixepoch", StringComparison.OrdinalIgnoreCase));
        string Call(Term t) => Format(format, Modifiers(Timestamp(t, unixEpoch), modifiers));
        var result = new Term { Sql = Call(time), Type = TermType.Text, NullFallback = NullFallback.Enforced, Params = time.Params };
        if (time.Multi is { } multi)
        {
            var value = multi.Value!;
            result = result with { Multi = multi.WithValue(value with { Sql = Call(value), Type = TermType.Text, Affinity = Affinity.None }) };
        }

        return result;
    }

    private static string Timestamp(Term time, bool unixEpoch) => time.Type switch
    {
        TermType.Number when unixEpoch => PostgresDialect.UnixToUtcTimestamp(time.Sql),
        TermType.Number => PostgresDialect.UnixToUtcTimestamp($"((({time.Sql}) - {UnixEpochJulianDay}) * 86400)"),
        TermType.Json => PostgresDialect.TextToUtcTimestamp(PostgresDialect.JsonText(time.Sql)),
        _ => PostgresDialect.TextToUtcTimestamp(time.Sql),
    };

    private string Modifiers(string t, IReadOnlyList<string> modifiers)
    {
        foreach (var raw in modifiers)
        {
            var modifier = raw.Trim().ToLowerInvariant();
            if (modifier is "unixepoch" or "utc" or "localtime")
            {
                continue;
            }

            if (modifier.StartsWith("start of ", StringComparison.Ordinal) && modifier[9..] is "day" or "month" or "year")
            {
                t = $"date_trunc('{modifier[9..]}', {t})";
                continue;
            }

            var shift = ShiftPattern().Match(modifier);
            if (!shift.Success)
            {
                throw FilterErrors.Invalid($"[strftime] modifier \"{raw}\" is not supported on PostgreSQL");
            }

            var amount = double.Parse(shift.Groups[1].Value, CultureInfo.InvariantCulture);
            var interval = NewParameter(amount.ToString("R", CultureInfo.InvariantCulture) + " " + shift.Groups[2].Value + "s");
            t = $"({t} + ({interval})::interval)";
        }

        return t;
    }

    private string Format(string format, string t)
    {
        var parts = new List<string>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i == format.Length - 1)
            {
                literal.Append(format[i]);
                continue;
            }

            var spec = format[++i];
            if (spec == '%')
            {
                literal.Append('%');
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(NewParameter(literal.ToString()));
                literal.Clear();
            }

            var piece = Specifier(spec, t);
            if (piece is null)
            {
                return "NULL::text";
            }

            parts.Add(piece);
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(NewParameter(literal.ToString()));
        }

        return $"(CASE WHEN {t} IS NULL THEN NULL ELSE ({string.Join(" || ", parts)}) END)";
    }

    private static string? Specifier(char spec, string t) => spec switch
    {
        'd' => $"to_char({t}, 'DD')",
        'e' => $"lpad(extract(day from {t})::int::text, 2, ' ')",
        'f' => $"to_char({t}, 'SS.MS')",
        'F' => $"to_char({t}, 'YYYY-MM-DD')",
        'H' => $"to_char({t}, 'HH24')",
        'j' => $"to_char({t}, 'DDD')",
        'm' => $"to_char({t}, 'MM')",
        'M' => $"to_char({t}, 'MI')",
        's' => $"floor(extract(epoch from {t}))::bigint::text",
        'S' => $"to_char({t}, 'SS')",
        'T' => $"to_char({t}, 'HH24:MI:SS')",
        'u' => $"to_char({t}, 'ID')",
        'w' => $"extract(dow from {t})::int::text",
        'W' => $"lpad(((extract(doy from {t})::int + 6 - ((extract(dow from {t})::int + 6) % 7)) / 7)::text, 2, '0')",
        'Y' => $"to_char({t}, 'YYYY')",
        _ => null,
    };

    private string NewParameter(string value)
    {
        var name = resolver.State.NewParameterName();
        resolver.State.SetParameter(name, new SqlParameterValue(value));
        return name;
    }

    [GeneratedRegex(@"^([+-]?[0-9]+(?:\.[0-9]+)?)\s+(day|hour|minute|second|month|year)s?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShiftPattern();
}
