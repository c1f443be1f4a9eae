using System.Globalization;
using System.Text.RegularExpressions;

namespace SharpBase.Core.Query.Semantics;

/// <summary>SQLite's conversions between numbers and text, for values known when compiling.</summary>
internal static partial class SqliteText
{
    /// <summary>True when numeric affinity turns <paramref name="text"/> into a number.</summary>
    public static bool TryParseNumeric(string text, out double number)
    {
        number = 0;
        return NumericPattern().IsMatch(text) &&
               double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    /// <summary>
    /// The text SQLite gives a bound number: integers as is, doubles as <c>%!.15g</c> (<c>5.0</c>, <c>0.1</c>,
    /// <c>1.0e+20</c>); SQLite's printf tests <c>value &lt; 0</c> for the sign, so -0.0 is <c>0.0</c>.
    /// </summary>
    public static string FromNumber(object? value)
    {
        if (value is long l)
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }

        var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        d = d == 0 ? 0 : d;
        var text = d.ToString("G15", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var mantissa = e < 0 ? text : text[..e];
        var exponent = e < 0 ? "" : text[e..];
        return (mantissa.Contains('.', StringComparison.Ordinal) ? mantissa : mantissa + ".0") + exponent;
    }

    [GeneratedRegex(@"^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericPattern();
}
