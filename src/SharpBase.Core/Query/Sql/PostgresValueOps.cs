using SharpBase.Core.Query.Semantics;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// PostgreSQL: PocketBase's SQL re-expressed so every comparison gives what SQLite gives. An operand is split into a
/// storage class (NULL, 1 = number, 2 = text), its number and its text; SQLite's column affinity converts the other
/// operand first; different classes order number &lt; text; text compares by code point (<c>COLLATE "C"</c>).
/// </summary>
internal sealed partial class PostgresValueOps(SqlDialect dialect, SqlQueryState state) : ValueOps(dialect, state)
{
    private const int Dynamic = -1;
    private const int NullClass = 0;
    private const int NumberClass = 1;
    private const int TextClass = 2;

    /// <summary>An operand as storage class + number + text. <see cref="Class"/> is <see cref="Dynamic"/> when decided per row.</summary>
    private sealed record Value(int Class, string? Cls, string? Num, string? Txt, string NullTest, Affinity Affinity, object? Known = null, bool HasKnown = false);

    /// <inheritdoc />
    public override Term Coalesce(Term term) => term with { Coalesced = true, Affinity = Affinity.None, IsParam = false };

    /// <inheritdoc />
    public override string IsNull(Term term, bool negate)
    {
        var v = ToValue(term);
        if (v.Class == NullClass)
        {
            return negate ? "0=1" : "1=1";
        }

        return negate ? $"NOT ({v.NullTest})" : v.NullTest;
    }

    /// <inheritdoc />
    public override string Compare(Term left, string op, Term right)
    {
        var (a, b) = ApplyAffinity(ToValue(left), ToValue(right));
        if (a.Class == NullClass || b.Class == NullClass)
        {
            var other = a.Class == NullClass ? b : a;
            var bothNull = other.Class == NullClass ? "1=1" : other.NullTest;
            return op switch
            {
                "IS" => bothNull,
                "IS NOT" => $"NOT ({bothNull})",
                _ => "NULL",
            };
        }

        if (a.Class != Dynamic && a.Class == b.Class)
        {
            var (x, y) = a.Class == NumberClass ? (a.Num!, b.Num!) : (Collate(a.Txt!), Collate(b.Txt!));
            return op switch
            {
                "IS" => $"({x} IS NOT DISTINCT FROM {y})",
                "IS NOT" => $"({x} IS DISTINCT FROM {y})",
                _ => $"({x} {op} {y})",
            };
        }

        if (a.Class != Dynamic && b.Class != Dynamic)
        {
            var constant = Holds(a.Class, op, b.Class) ? "TRUE" : "FALSE";
            return op switch
            {
                "IS" => $"({a.NullTest} AND {b.NullTest})",
                "IS NOT" => $"(NOT ({a.NullTest} AND {b.NullTest}))",
                _ => $"(CASE WHEN {a.NullTest} OR {b.NullTest} THEN NULL ELSE {constant} END)",
            };
        }

        var (ca, cb) = (ClassOf(a), ClassOf(b));
        var (na, nb) = (a.Num ?? "NULL::double precision", b.Num ?? "NULL::double precision");
        var (ta, tb) = (Collate(a.Txt ?? "NULL::text"), Collate(b.Txt ?? "NULL::text"));
        if (op is "IS" or "IS NOT")
        {
            var same = $"(CASE WHEN {ca} IS NULL AND {cb} IS NULL THEN TRUE WHEN {ca} IS NULL OR {cb} IS NULL THEN FALSE WHEN {ca} <> {cb} THEN FALSE " +
                       $"WHEN {ca} = 1 THEN {na} = {nb} ELSE {ta} = {tb} END)";
            return op == "IS" ? same : $"(NOT {same})";
        }

        return $"(CASE WHEN {ca} IS NULL OR {cb} IS NULL THEN NULL WHEN {ca} <> {cb} THEN {ca} {op} {cb} WHEN {ca} = 1 THEN {na} {op} {nb} ELSE {ta} {op} {tb} END)";
    }

    /// <inheritdoc />
    public override string Like(Term left, Term right, bool negate)
    {
        var like = negate ? "NOT LIKE" : "LIKE";
        var subject = Dialect.LowerAscii(AsText(ToValue(left)));
        if (right.Params.Count == 0)
        {
            return $"({subject} {like} ('%' || {Dialect.LowerAscii(AsText(ToValue(right)))} || '%') ESCAPE '\\')";
        }

        var parameters = LikeParams(right).Select(p => p with { Value = AsciiLower((string)p.Value!) }).ToArray();
        if (parameters.Any(p => EndsWithEscape((string)p.Value!)))
        {
            // SQLite never matches a pattern that ends with a lone escape character; PostgreSQL would raise an error.
            return $"(CASE WHEN {subject} IS NULL THEN NULL ELSE {(negate ? "TRUE" : "FALSE")} END)";
        }

        var pattern = Render(right, parameters);
        return $"({subject} {like} {(right.Type == TermType.Text ? pattern : $"({pattern})::text")} ESCAPE '\\')";
    }

    private Value ToValue(Term term)
    {
        var sql = Render(term);
        var known = term.IsParam && term.Params.Count == 1;
        var value = term.Type switch
        {
            TermType.Null => new Value(NullClass, null, null, null, "TRUE", term.Affinity),
            TermType.Number => new Value(NumberClass, null, sql, null, $"({sql} IS NULL)", term.Affinity, known ? term.Params[0].Value : null, known),
            TermType.Json => new Value(Dynamic, PostgresDialect.JsonClass(sql), PostgresDialect.JsonNumber(sql), PostgresDialect.JsonText(sql),
                $"({PostgresDialect.JsonClass(sql)} IS NULL)", term.Affinity),
            _ => new Value(TextClass, null, null, sql, $"({sql} IS NULL)", term.Affinity, known ? term.Params[0].Value : null, known),
        };

        return term.Coalesced ? CoalesceValue(value) : value;
    }

    private static Value CoalesceValue(Value v) => v.Class switch
    {
        NullClass => new Value(TextClass, null, null, "''", "FALSE", Affinity.None),
        TextClass => new Value(TextClass, null, null, $"COALESCE({v.Txt}, '')", "FALSE", Affinity.None),
        NumberClass => new Value(Dynamic, $"(CASE WHEN {v.Num} IS NULL THEN 2 ELSE 1 END)", v.Num, "''", "FALSE", Affinity.None),
        _ => new Value(Dynamic, $"COALESCE({v.Cls}, 2)", v.Num, $"COALESCE({v.Txt}, '')", "FALSE", Affinity.None),
    };

    private (Value, Value) ApplyAffinity(Value a, Value b)
    {
        if (a.Affinity == Affinity.Numeric && b.Affinity != Affinity.Numeric)
        {
            return (a, ToNumeric(b));
        }

        if (b.Affinity == Affinity.Numeric && a.Affinity != Affinity.Numeric)
        {
            return (ToNumeric(a), b);
        }

        if (a.Affinity == Affinity.Text && b.Affinity == Affinity.None)
        {
            return (a, ToText(b));
        }

        return b.Affinity == Affinity.Text && a.Affinity == Affinity.None ? (ToText(a), b) : (a, b);
    }

    /// <summary>SQLite's numeric affinity: text that looks like a number becomes that number.</summary>
    private Value ToNumeric(Value v)
    {
        switch (v.Class)
        {
            case TextClass when v.HasKnown:
                return v.Known is string s && SqliteText.TryParseNumeric(s, out var number)
                    ? new Value(NumberClass, null, NewParameter(number), null, "FALSE", Affinity.None, number, true)
                    : v;
            case TextClass:
                var looks = PostgresDialect.LooksNumeric(v.Txt!);
                return v with
                {
                    Class = Dynamic,
                    Cls = $"(CASE WHEN {v.Txt} IS NULL THEN NULL WHEN {looks} THEN 1 ELSE 2 END)",
                    Num = $"(CASE WHEN {looks} THEN {PostgresDialect.TextToNumber(v.Txt!)} END)",
                };
            case Dynamic:
                var numericText = $"({v.Cls} = 2 AND {PostgresDialect.LooksNumeric(v.Txt!)})";
                return v with
                {
                    Cls = $"(CASE WHEN {numericText} THEN 1 ELSE {v.Cls} END)",
                    Num = $"(CASE WHEN {numericText} THEN {PostgresDialect.TextToNumber(v.Txt!)} ELSE {v.Num} END)",
                };
            default:
                return v;
        }
    }

    /// <summary>SQLite's text affinity: a number becomes its text.</summary>
    private Value ToText(Value v) => v.Class switch
    {
        NumberClass when v.HasKnown => new Value(TextClass, null, null, NewParameter(SqliteText.FromNumber(v.Known)), "FALSE", Affinity.None),
        NumberClass => new Value(TextClass, null, null, PostgresDialect.NumberAsText(v.Num!), v.NullTest, Affinity.None),
        Dynamic => v with { Cls = $"(CASE WHEN {v.Cls} = 1 THEN 2 ELSE {v.Cls} END)" },
        _ => v,
    };

    private string AsText(Value v) => v.Class switch
    {
        NullClass => "NULL::text",
        TextClass => v.Txt!,
        NumberClass when v.HasKnown => NewParameter(SqliteText.FromNumber(v.Known)),
        NumberClass => PostgresDialect.NumberAsText(v.Num!),
        _ => v.Txt!,
    };

    private static string ClassOf(Value v) => v.Class == Dynamic ? v.Cls! : $"(CASE WHEN {v.NullTest} THEN NULL ELSE {v.Class} END)";

    private string Collate(string text) => $"({text}){Dialect.BinaryCollation}";

    private string NewParameter(object value)
    {
        var name = State.NewParameterName();
        State.SetParameter(name, new SqlParameterValue(value));
        return name;
    }

    private static bool Holds(int a, string op, int b) => op switch
    {
        "=" => a == b,
        "<" => a < b,
        "<=" => a <= b,
        ">" => a > b,
        ">=" => a >= b,
        _ => a != b,
    };

    private static string AsciiLower(string value) => string.Create(value.Length, value, (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = s[i] is >= 'A' and <= 'Z' ? (char)(s[i] + 32) : s[i];
        }
    });

    private static bool EndsWithEscape(string pattern)
    {
        var count = 0;
        for (var i = pattern.Length - 1; i >= 0 && pattern[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }
}
