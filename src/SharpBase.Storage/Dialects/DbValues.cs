using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpBase.Storage.Dialects;

/// <summary>Conversions shared by the dialects between the CLR forms and what databases return.</summary>
internal static class DbValues
{
    /// <summary>
    /// The layout this storage writes dates in on text columns (SQLite), PocketBase's. Storage writes and reads back only
    /// this layout; lenient parsing of other text is Core's (<c>Common.DateTimeText</c>).
    /// </summary>
    public const string DateLayout = "yyyy-MM-dd HH:mm:ss.fff'Z'";

    /// <summary>The length of a date in <see cref="DateLayout"/>.</summary>
    public const int DateLength = 24;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 512 };

    /// <summary>A date as stored on a text column, in <see cref="DateLayout"/>.</summary>
    public static string FormatDate(DateTimeOffset value) => value.UtcDateTime.ToString(DateLayout, CultureInfo.InvariantCulture);

    private static bool TryReadExactDate(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != DateLength || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':' ||
            text[19] != '.' || text[23] != 'Z' || !TryNumber(text, 0, 4, out var year) || !TryNumber(text, 5, 2, out var month) ||
            !TryNumber(text, 8, 2, out var day) || !TryNumber(text, 11, 2, out var hour) || !TryNumber(text, 14, 2, out var minute) ||
            !TryNumber(text, 17, 2, out var second) || !TryNumber(text, 20, 3, out var millisecond) ||
            month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
        return true;
    }

    private static bool TryNumber(string text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    public static DateTime TruncateToMilliseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>
    /// A date given by a caller: null, a DateTimeOffset, a DateTime (unspecified = UTC), '' (none) or text in
    /// <see cref="DateLayout"/>. Other text is refused: callers parse their input (Core) and pass the instant.
    /// </summary>
    public static DateTimeOffset? ToDate(object? value) => value switch
    {
        null or DBNull => null,
        DateTimeOffset d => new DateTimeOffset(TruncateToMilliseconds(d.UtcDateTime), TimeSpan.Zero),
        DateTime d => new DateTimeOffset(TruncateToMilliseconds(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc)), TimeSpan.Zero),
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s when TryReadExactDate(s, out var stored) => stored,
        string => throw new ArgumentException("Not a date in the stored layout: parse the text into a DateTimeOffset before storing it.", nameof(value)),
        _ => throw Unsupported(value, "date"),
    };

    /// <summary>
    /// Reads back date text from a text column: a DateTimeOffset for <see cref="DateLayout"/> (all this storage writes),
    /// null for '', and any other text as it is, for the caller to interpret.
    /// </summary>
    public static object? ReadDate(string text) => text.Length == 0 ? null : TryReadExactDate(text, out var stored) ? stored : text;

    /// <summary>A number given by a caller (null = 0).</summary>
    public static double ToDouble(object? value) => value switch
    {
        null or DBNull => 0,
        double d => d,
        float or int or long or short or byte or decimal or uint or ulong or ushort or sbyte => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new ArgumentException("Not a number.", nameof(value)),
        _ => throw Unsupported(value, "number"),
    };

    /// <summary>A number read back from a database: anything that is not a number is 0.</summary>
    public static double ReadDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        float or int or short or byte or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        string s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0,
        _ => 0,
    };

    /// <summary>A boolean read back from a database: numbers are true when not zero, text when "true" or "1".</summary>
    public static bool ReadBool(object? value) => value switch
    {
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        int i => i != 0,
        string s => s.Trim() is var t && (t == "1" || t.Equals("true", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    /// <summary>A boolean given by a caller (null = false).</summary>
    public static bool ToBool(object? value) => value switch
    {
        null or DBNull => false,
        bool b => b,
        _ => throw Unsupported(value, "boolean"),
    };

    /// <summary>Text given by a caller (null = '').</summary>
    public static string ToText(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        _ => throw Unsupported(value, "text"),
    };

    /// <summary>Text read back from a database.</summary>
    public static string ReadText(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        bool b => b ? "true" : "false",
        DateTime or DateTimeOffset => ToDate(value) is { } date ? FormatDate(date) : "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>JSON given by a caller: JSON text, a JsonNode or a JsonElement; null is JSON null (stored as NULL).</summary>
    public static string? ToJson(object? value) => value switch
    {
        null or DBNull => null,
        string s when IsValidJson(s) => s,
        string => throw new ArgumentException("Not valid JSON text.", nameof(value)),
        JsonElement e => e.GetRawText(),
        JsonNode n => n.ToJsonString(),
        _ => throw Unsupported(value, "JSON"),
    };

    /// <summary>True when <paramref name="text"/> is exactly one JSON value.</summary>
    public static bool IsValidJson(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length), ReaderOptions);
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Quotes text as a JSON string.</summary>
    public static string JsonString(string text) => JsonSerializer.Serialize(text);

    private static ArgumentException Unsupported(object value, string kind) =>
        new($"A {value.GetType().Name} cannot be stored as {kind}.", nameof(value));
}
