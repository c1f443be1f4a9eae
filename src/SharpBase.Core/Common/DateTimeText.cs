using System.Globalization;

namespace SharpBase.Core.Common;

/// <summary>PocketBase's datetime layout: UTC, a space between date and time, exactly three fractional digits.</summary>
public static class DateTimeText
{
    /// <summary>The layout, e.g. <c>2024-05-01 13:45:10.123Z</c>.</summary>
    public const string Layout = "yyyy-MM-dd HH:mm:ss.fff'Z'";

    /// <summary>Characters in a date written in <see cref="Layout"/>.</summary>
    public const int Length = 24;

    /// <summary>The current instant at the layout's precision, so a stored date reads back equal to the one just written.</summary>
    public static DateTimeOffset NowToMilliseconds(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>Formats an instant in the layout; null gives the empty string, as PocketBase writes a zero date.</summary>
    public static string Format(DateTimeOffset? value) =>
        value is { } v ? string.Create(Length, v, static (destination, date) => Write(date, destination)) : "";

    /// <summary>
    /// Writes <paramref name="value"/> in <see cref="Layout"/> into <paramref name="destination"/> (at least <see cref="Length"/>
    /// characters), without format-string parsing: record JSON writes two dates per row.
    /// </summary>
    public static void Write(DateTimeOffset value, Span<char> destination)
    {
        var utc = value.UtcDateTime;
        Digits(destination[..4], utc.Year);
        destination[4] = '-';
        Digits(destination.Slice(5, 2), utc.Month);
        destination[7] = '-';
        Digits(destination.Slice(8, 2), utc.Day);
        destination[10] = ' ';
        Digits(destination.Slice(11, 2), utc.Hour);
        destination[13] = ':';
        Digits(destination.Slice(14, 2), utc.Minute);
        destination[16] = ':';
        Digits(destination.Slice(17, 2), utc.Second);
        destination[19] = '.';
        Digits(destination.Slice(20, 3), utc.Millisecond);
        destination[23] = 'Z';
    }

    /// <summary>
    /// The one lenient date parser (client input, rule/filter values, schema JSON, date text a database hands back in a
    /// layout other than its own). Reads the input forms PocketBase accepts: the layout itself, RFC 3339 (with <c>T</c>), a plain date,
    /// or Unix seconds. Empty text is a valid "no date".
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
        {
            if (unix < -62135596800 || unix > 253402300799)
            {
                return false;
            }

            value = DateTimeOffset.FromUnixTimeSeconds(unix);
            return true;
        }

        if (DateTimeOffset.TryParse(trimmed.Replace(' ', 'T'), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = new DateTimeOffset(TruncateToMilliseconds(parsed.UtcDateTime), TimeSpan.Zero);
            return true;
        }

        return false;
    }

    private static void Digits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
