namespace SharpBase.Storage.Dialects;

/// <summary>PocketBase's date layout (<c>2024-05-01 13:45:10.123Z</c>), written without format-string parsing on hot paths.</summary>
public static class StoredDate
{
    /// <summary>Characters in a formatted date.</summary>
    public const int Length = DbValues.DateLength;

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> (at least <see cref="Length"/> characters).</summary>
    public static void Write(DateTimeOffset value, Span<char> destination) => DbValues.WriteDate(value, destination);

    /// <summary>The formatted date.</summary>
    public static string Format(DateTimeOffset value) => DbValues.FormatDate(value);
}
