using System.Globalization;

namespace SharpBase.Core.Common;

/// <summary>PocketBase's datetime layout: UTC, a space between date and time, exactly three fractional digits.</summary>
public static class DateTimeText
{
    /// <summary>The layout, e.g. <c>2024-05-01 13:45:10.123Z</c>.</summary>
    public const string Layout = "yyyy-MM-dd HH:mm:ss.fff'Z'";

    /// <summary>Formats an instant in the layout; null gives the empty string, as PocketBase writes a zero date.</summary>
    public static string Format(DateTimeOffset? value) =>
        value is { } v ? Storage.Dialects.StoredDate.Format(v) : "";

    /// <summary>
    /// Reads the lenient input forms PocketBase accepts: the layout itself, RFC 3339 (with <c>T</c>), a plain date,
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

    private static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
