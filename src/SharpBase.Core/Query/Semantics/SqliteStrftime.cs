using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SharpBase.Core.Query.Semantics;

/// <summary>
/// A subset of SQLite's <c>strftime(format, time, modifiers...)</c>, in UTC. Time values: <c>YYYY-MM-DD</c> with
/// optional <c>[ T]HH:MM[:SS[.fff]]</c> and <c>Z</c>/<c>±HH:MM</c>, <c>HH:MM[:SS[.fff]]</c> (on 2000-01-01),
/// <c>now</c>, or a number (a Julian day, or Unix seconds with the <c>unixepoch</c> modifier). Modifiers:
/// <c>±N days|hours|minutes|seconds|months|years</c>, <c>start of day|month|year</c>, <c>weekday N</c>,
/// <c>unixepoch</c>, <c>utc</c>, <c>localtime</c> (both no-ops, times are UTC), <c>subsec</c>. Specifiers:
/// <c>%d %e %f %F %H %j %m %M %s %S %T %u %w %Y %%</c>. Anything else gives null, as SQLite gives NULL.
/// </summary>
public static partial class SqliteStrftime
{
    private const double UnixEpochJulianDay = 2440587.5;

    /// <summary>Formats <paramref name="time"/> (string, number or null); null when the input or format is invalid.</summary>
    public static string? Format(string format, object? time, IReadOnlyList<string> modifiers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(modifiers);
        var numeric = time is double or long or bool || (time is string s && Numeric().IsMatch(s));
        var unixEpoch = numeric && modifiers.Any(m => m.Trim().Equals("unixepoch", StringComparison.OrdinalIgnoreCase));
        DateTime value;
        if (unixEpoch ? !(SqlValues.TryNumber(time, out var seconds) && TryFromUnixSeconds(seconds, out value)) : !TryParseTime(time, now, out value))
        {
            return null;
        }

        foreach (var modifier in modifiers)
        {
            if (!TryApply(modifier.Trim().ToLowerInvariant(), numeric, ref value))
            {
                return null;
            }
        }

        return Render(format, value);
    }

    private static bool TryParseTime(object? time, DateTimeOffset now, out DateTime value)
    {
        value = default;
        if (time is null)
        {
            return false;
        }

        if (SqlValues.TryNumber(time, out var number) && (time is not string text || Numeric().IsMatch(text)))
        {
            return TryFromUnixSeconds((number - UnixEpochJulianDay) * 86400, out value);
        }

        var trimmed = (SqlValues.ToText(time) ?? "").Trim();
        if (trimmed.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            value = now.UtcDateTime;
            return true;
        }

        var match = DateTimePattern().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }

        var g = match.Groups;
        int Int(string name, int fallback) => g[name].Success ? int.Parse(g[name].ValueSpan, CultureInfo.InvariantCulture) : fallback;
        try
        {
            var date = g["y"].Success ? new DateTime(Int("y", 2000), Int("mo", 1), Int("d", 1), 0, 0, 0, DateTimeKind.Utc) : new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var fraction = g["f"].Success ? double.Parse("0" + g["f"].Value, CultureInfo.InvariantCulture) : 0;
            value = date.Add(new TimeSpan(Int("h", 0), Int("mi", 0), Int("s", 0))).AddTicks((long)Math.Round(fraction * 1000) * TimeSpan.TicksPerMillisecond);
            if (g["z"].Success && g["z"].Value != "Z" && g["z"].Value != "z")
            {
                var sign = g["z"].Value[0] == '-' ? -1 : 1;
                var offset = new TimeSpan(int.Parse(g["z"].Value.AsSpan(1, 2), CultureInfo.InvariantCulture), int.Parse(g["z"].Value.AsSpan(4, 2), CultureInfo.InvariantCulture), 0);
                value = value.Add(-sign * offset);
            }

            return Int("h", 0) < 24 && Int("mi", 0) < 60 && Int("s", 0) < 60;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryFromUnixSeconds(double seconds, out DateTime value)
    {
        value = default;
        if (!double.IsFinite(seconds) || seconds < -62135596800 || seconds > 253402300799)
        {
            return false;
        }

        value = DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * 1000) * TimeSpan.TicksPerMillisecond);
        return true;
    }

    private static bool TryApply(string modifier, bool numeric, ref DateTime value)
    {
        try
        {
            switch (modifier)
            {
                case "utc" or "localtime" or "subsec" or "subsecond" or "auto":
                    return true;
                case "unixepoch":
                    return numeric; // applied up front: the number is Unix seconds instead of a Julian day
                case "start of day":
                    value = value.Date;
                    return true;
                case "start of month":
                    value = new DateTime(value.Year, value.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                    return true;
                case "start of year":
                    value = new DateTime(value.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                    return true;
            }

            var weekday = Weekday().Match(modifier);
            if (weekday.Success)
            {
                var target = int.Parse(weekday.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                value = value.AddDays((target - (int)value.DayOfWeek + 7) % 7);
                return true;
            }

            var shift = Shift().Match(modifier);
            if (!shift.Success)
            {
                return false;
            }

            var amount = double.Parse(shift.Groups[1].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture);
            value = shift.Groups[2].Value switch
            {
                "day" => value.AddDays(amount),
                "hour" => value.AddHours(amount),
                "minute" => value.AddMinutes(amount),
                "second" => value.AddSeconds(amount),
                "month" => value.AddMonths((int)amount),
                _ => value.AddYears((int)amount),
            };
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static string? Render(string format, DateTime value)
    {
        var builder = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                builder.Append(format[i]);
                continue;
            }

            if (++i >= format.Length)
            {
                return null;
            }

            string? part = format[i] switch
            {
                'd' => value.ToString("dd", inv),
                'e' => value.Day.ToString(inv).PadLeft(2),
                'f' => value.ToString("ss.fff", inv),
                'F' => value.ToString("yyyy-MM-dd", inv),
                'H' => value.ToString("HH", inv),
                'j' => value.DayOfYear.ToString("000", inv),
                'm' => value.ToString("MM", inv),
                'M' => value.ToString("mm", inv),
                's' => ((long)Math.Floor((value - DateTime.UnixEpoch).TotalSeconds)).ToString(inv),
                'S' => value.ToString("ss", inv),
                'T' => value.ToString("HH:mm:ss", inv),
                'u' => (value.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)value.DayOfWeek).ToString(inv),
                'w' => ((int)value.DayOfWeek).ToString(inv),
                'Y' => value.Year.ToString("0000", inv),
                '%' => "%",
                _ => null,
            };
            if (part is null)
            {
                return null;
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[ Tt](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?<f>\.\d+)?)?)?|(?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?<f>\.\d+)?)?)\s*(?<z>[Zz]|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^weekday ([0-6])$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"^([+-]?\d+(?:\.\d+)?)\s+(day|hour|minute|second|month|year)s?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Shift();
}
