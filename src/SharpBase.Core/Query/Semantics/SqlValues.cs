using System.Globalization;
using SharpBase.Core.Common;
using SharpBase.Core.Query.InMemory;

namespace SharpBase.Core.Query.Semantics;

/// <summary>
/// SQLite's scalar semantics for the in-memory evaluator (the SQL on SQLite is the reference; PostgreSQL emulates it):
/// <list type="bullet">
/// <item>storage classes: NULL, INTEGER (<see cref="long"/>, <see cref="bool"/> as 1/0), REAL (<see cref="double"/>),
/// TEXT (<see cref="string"/>); numbers compare numerically, text by code point (binary collation), and every number
/// sorts before every text — without affinity, <c>5</c> and <c>'5'</c> are different values;</item>
/// <item>before a comparison SQLite applies the operands' affinity (<see cref="ApplyAffinity"/>): a NUMERIC side turns
/// numeric-looking text on both sides into numbers; otherwise a TEXT side facing a side without affinity turns numbers
/// into their text;</item>
/// <item>numbers as text (affinity, LIKE, <c>:lower</c>): INTEGER as digits (<c>5</c>), REAL as <c>%!.15g</c>
/// (<c>5.0</c>, <c>5.5</c>).</item>
/// </list>
/// </summary>
internal static class SqlValues
{
    // Doubles that SQLite's NUMERIC columns store as INTEGER: integral values inside the int64 range.
    private const double IntegerLimit = 9.2e18;

    public static object? Normalize(object? value) => value switch
    {
        null or string or double or bool or long => value,
        DateTimeOffset d => DateTimeText.Format(d),
        DateTime d => DateTimeText.Format(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        int or short or byte or sbyte or uint or ushort => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float or decimal or ulong => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A number as a NUMERIC column stores it: INTEGER when integral, else REAL.</summary>
    public static object StoredNumber(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < IntegerLimit ? (object)(long)d : d;

    /// <summary>SQLite's text of a value (<c>CAST(x AS TEXT)</c>); null for NULL.</summary>
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "1" : "0",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => SqliteText.FromNumber(d),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The text PocketBase binds for a value used as a LIKE pattern: Go's <c>cast.ToString</c> (<c>0.00001</c>, never
    /// <c>1E-05</c>); bools are bound as 1/0. The SQL compiler and the evaluator both use this one conversion.
    /// </summary>
    public static string? ToPatternText(object? value) => value switch
    {
        double d => GoCast.FormatFloat(d),
        _ => ToText(value),
    };

    /// <summary>The number of an INTEGER or REAL value, or of numeric-looking text (as SQLite's numeric affinity reads it).</summary>
    public static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return true;
            case long l:
                number = l;
                return true;
            case bool b:
                number = b ? 1 : 0;
                return true;
            case string s:
                return SqliteText.TryParseNumeric(s, out number);
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>
    /// SQLite's comparison affinity (<c>sqlite3CompareAffinity</c> and the OP_Eq/OP_Lt conversions): when either side
    /// is NUMERIC, numeric-looking text on both sides becomes a number; otherwise, when a TEXT side meets a side without
    /// affinity, numbers on both sides become text (when one of them is text).
    /// </summary>
    public static (object A, object B) ApplyAffinity(object a, SqlAffinity aAffinity, object b, SqlAffinity bAffinity)
    {
        if (aAffinity == SqlAffinity.Numeric || bAffinity == SqlAffinity.Numeric)
        {
            return (ToNumeric(a), ToNumeric(b));
        }

        if ((aAffinity == SqlAffinity.Text || bAffinity == SqlAffinity.Text) && (a is string || b is string))
        {
            return (ToText(a)!, ToText(b)!);
        }

        return (a, b);
    }

    /// <summary>SQL <c>a = b</c> for two non-null values after affinity.</summary>
    public static bool AreEqual(object a, SqlAffinity aAffinity, object b, SqlAffinity bAffinity) =>
        Compare(a, aAffinity, b, bAffinity) == 0;

    /// <summary>SQL ordering of two non-null values after affinity.</summary>
    public static int Compare(object a, SqlAffinity aAffinity, object b, SqlAffinity bAffinity)
    {
        var (x, y) = ApplyAffinity(a, aAffinity, b, bAffinity);
        return Compare(x, y);
    }

    /// <summary>SQL ordering of two non-null values as they are: number &lt; text, numbers numerically, text by code point.</summary>
    public static int Compare(object a, object b)
    {
        var aText = a is string;
        var bText = b is string;
        if (aText != bText)
        {
            return aText ? 1 : -1;
        }

        if (aText)
        {
            return CompareText((string)a, (string)b);
        }

        if (a is double || b is double)
        {
            TryNumber(a, out var x);
            TryNumber(b, out var y);
            return x.CompareTo(y);
        }

        return Integer(a).CompareTo(Integer(b));
    }

    /// <summary>Binary collation: UTF-8 byte order, which is code point order.</summary>
    public static int CompareText(string a, string b)
    {
        var x = a.EnumerateRunes();
        var y = b.EnumerateRunes();
        while (true)
        {
            var hasX = x.MoveNext();
            var hasY = y.MoveNext();
            if (!hasX || !hasY)
            {
                return hasX.CompareTo(hasY);
            }

            var c = x.Current.Value.CompareTo(y.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }

    /// <summary>ASCII-only lower-casing, as SQLite's built-in LOWER() (which returns text, also for numbers).</summary>
    public static object? Lower(object? value)
    {
        var text = ToText(value);
        return text is null ? null : string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });
    }

    // Numeric affinity: text that looks like a number becomes that number; anything else stays as it is.
    private static object ToNumeric(object value) =>
        value is string s && SqliteText.TryParseNumeric(s, out var number) ? number : value;

    private static long Integer(object value) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        _ => 0,
    };
}
