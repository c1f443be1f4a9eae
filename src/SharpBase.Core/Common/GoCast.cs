using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpBase.Core.Common;

/// <summary>
/// The scalar conversions PocketBase applies to body values (Go's <c>spf13/cast</c> on values decoded from JSON,
/// where every number is a float64).
/// </summary>
internal static class GoCast
{
    /// <summary><c>cast.ToString</c>: strings as they are, numbers in Go's shortest plain form, bools as words, anything else "".</summary>
    public static string ToText(JsonNode? input) => TryToText(input) ?? "";

    /// <summary>Like <see cref="ToText"/>, but null for objects and arrays (which cast refuses).</summary>
    public static string? TryToText(JsonNode? input)
    {
        if (input is null)
        {
            return "";
        }

        if (input is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => FormatFloat(NumberOf(value)),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "",
            _ => null,
        };
    }

    /// <summary><c>cast.ToFloat64</c>: numbers, bools as 1/0, numeric text parsed like Go's ParseFloat; anything else 0.</summary>
    public static double ToNumber(JsonNode? input)
    {
        if (input is not JsonValue value)
        {
            return 0;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => NumberOf(value),
            JsonValueKind.True => 1,
            JsonValueKind.String => ParseFloat(value.GetValue<string>()) ?? 0,
            _ => 0,
        };
    }

    /// <summary><c>cast.ToBool</c>: bools, non-zero numbers, and the text Go's ParseBool reads as true.</summary>
    public static bool ToBool(JsonNode? input)
    {
        if (input is not JsonValue value)
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => NumberOf(value) != 0,
            JsonValueKind.String => value.GetValue<string>() is "1" or "t" or "T" or "true" or "TRUE" or "True",
            _ => false,
        };
    }

    /// <summary>Go's <c>strconv.ParseFloat(s, 64)</c>: null when Go reports an error (including overflow).</summary>
    public static double? ParseFloat(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var unsigned = text[0] is '+' or '-' ? text[1..] : text;
        var negative = text[0] == '-';
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (unsigned.Length == 0 || !char.IsAsciiDigit(unsigned[0]) && unsigned[0] != '.' ||
            !double.TryParse(text, styles, CultureInfo.InvariantCulture, out var parsed) || double.IsInfinity(parsed))
        {
            return null;
        }

        return parsed;
    }

    /// <summary>Go's <c>strconv.FormatFloat(v, 'f', -1, 64)</c>: the shortest round-trip digits, never an exponent.</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = text[..e];
        var sign = mantissa.StartsWith('-') ? "-" : "";
        mantissa = mantissa.TrimStart('-');
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var position = (point < 0 ? mantissa.Length : point) + exponent;
        if (position <= 0)
        {
            return sign + "0." + new string('0', -position) + digits;
        }

        return position >= digits.Length
            ? sign + digits + new string('0', position - digits.Length)
            : sign + digits[..position] + "." + digits[position..];
    }

    /// <summary>Go's <c>%v</c> of a float64 (as in a validation message): <c>5</c>, <c>0.5</c>, <c>1e+06</c>.</summary>
    public static string FormatGeneral(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return FormatFloat(value);
        }

        var plain = FormatFloat(Math.Abs(value));
        var point = plain.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? plain : plain[..point];
        var fraction = point < 0 ? "" : plain[(point + 1)..];
        int exponent;
        string digits;
        if (whole != "0")
        {
            exponent = whole.Length - 1;
            digits = (whole + fraction).TrimEnd('0');
        }
        else
        {
            var significant = fraction.TrimStart('0');
            exponent = -(fraction.Length - significant.Length) - 1;
            digits = significant;
        }

        if (exponent >= -4 && exponent < 6)
        {
            return FormatFloat(value);
        }

        var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
        var sign = value < 0 ? "-" : "";
        var expSign = exponent < 0 ? "-" : "+";
        return sign + mantissa + "e" + expSign + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A float64 as Go's JSON encoder writes it: plain, or with an exponent below 1e-6 and from 1e21.</summary>
    public static string FormatJsonNumber(double value)
    {
        var abs = Math.Abs(value);
        if (abs == 0 || (abs >= 1e-6 && abs < 1e21))
        {
            return FormatFloat(value);
        }

        var text = FormatGeneral(value);
        var n = text.Length;
        return n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0' ? text[..(n - 2)] + text[^1] : text;
    }

    /// <summary>A JSON number as a float64; numbers outside its range read as 0 (Go refuses such bodies outright).</summary>
    public static double NumberOf(JsonNode value)
    {
        try
        {
            return value.AsValue().TryGetValue<double>(out var number) && double.IsFinite(number) ? number : 0;
        }
        catch (FormatException)
        {
            return 0;
        }
    }
}
