using System.Globalization;
using SharpBase.Core.Common;

namespace SharpBase.Core.Query;

/// <summary>
/// SQLite-like scalar semantics for the in-memory evaluator. Choices (the SQL side must agree):
/// <list type="bullet">
/// <item>booleans are the numbers 1 and 0 (PocketBase stores them so);</item>
/// <item>number vs text: when the text is a decimal number (surrounding spaces allowed, no NaN/Infinity) the two are
/// compared as numbers, otherwise every number sorts before every text (SQLite's storage-class order);</item>
/// <item>text vs text: binary (UTF-8 code point) order, case-sensitive;</item>
/// <item>numbers as text (LIKE, <c>:lower</c>): integral values without a fraction (<c>5</c>), others round-trip.</item>
/// </list>
/// </summary>
internal static class SqlValues
{
    public static object? Normalize(object? value) => value switch
    {
        null or string or double or bool => value,
        DateTimeOffset d => DateTimeText.Format(d),
        DateTime d => DateTimeText.Format(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        float or decimal or int or long or short or byte or sbyte or uint or ulong or ushort =>
            Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "1" : "0",
        double d => FormatNumber(d),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static string FormatNumber(double d) =>
        Math.Abs(d) < 1e15 && d == Math.Floor(d)
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);

    public static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return true;
            case bool b:
                number = b ? 1 : 0;
                return true;
            case string s when LooksNumeric(s):
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>SQL <c>a = b</c> for two non-null values.</summary>
    public static bool AreEqual(object a, object b) => Compare(a, b) == 0;

    /// <summary>SQL ordering for two non-null values.</summary>
    public static int Compare(object a, object b)
    {
        var aNumeric = a is double or bool;
        var bNumeric = b is double or bool;
        if (aNumeric && bNumeric)
        {
            TryNumber(a, out var x);
            TryNumber(b, out var y);
            return x.CompareTo(y);
        }

        if (aNumeric || bNumeric)
        {
            if (TryNumber(a, out var x) && TryNumber(b, out var y))
            {
                return x.CompareTo(y);
            }

            return aNumeric ? -1 : 1;
        }

        return CompareText(ToText(a) ?? "", ToText(b) ?? "");
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

    /// <summary>ASCII-only lower-casing, as SQLite's built-in LOWER().</summary>
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

    private static bool LooksNumeric(string s)
    {
        var trimmed = s.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        var first = trimmed[0] is '+' or '-' && trimmed.Length > 1 ? trimmed[1] : trimmed[0];
        return first is (>= '0' and <= '9') or '.';
    }
}
