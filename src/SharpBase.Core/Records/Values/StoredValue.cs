using System.Globalization;
using SharpBase.Core.Common;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Records.Values;

/// <summary>Lenient reads of stored values (the column CLR forms, tolerating what a dialect may hand back).</summary>
internal static class StoredValue
{
    /// <summary>
    /// A column value read back through <paramref name="dialect"/>. Date text the storage hands back as is (not in its own
    /// layout: written by another tool) goes through the lenient parser, so record values hold dates as DateTimeOffset?.
    /// </summary>
    public static object? Read(SqlDialect dialect, ColumnType type, object? value)
    {
        var read = dialect.FromDbValue(type, value);
        return type == ColumnType.DateTime && read is string text ? AsDate(text) : read;
    }

    public static string AsString(object? stored) => stored switch
    {
        null => "",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => stored.ToString() ?? "",
    };

    public static double AsDouble(object? stored) => stored switch
    {
        double d => d,
        string text => GoCast.ParseFloat(text) ?? 0,
        IConvertible convertible and not bool => convertible.ToDouble(CultureInfo.InvariantCulture),
        true => 1,
        _ => 0,
    };

    public static bool AsBool(object? stored) => stored switch
    {
        bool b => b,
        string text => text is "1" or "t" or "T" or "true" or "TRUE" or "True",
        IConvertible convertible => convertible.ToDouble(CultureInfo.InvariantCulture) != 0,
        _ => false,
    };

    public static DateTimeOffset? AsDate(object? stored) => stored switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string text => DateTimeText.TryParse(text, out var parsed) ? parsed : null,
        _ => null,
    };
}
