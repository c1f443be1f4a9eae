namespace SharpBase.Storage.Schema;

/// <summary>Facts about column specs the dialects share.</summary>
internal static class ColumnSpecExtensions
{
    /// <summary>True for a JSON column whose empty value is an array (a multi-value field).</summary>
    public static bool IsJsonArray(this ColumnSpec column) =>
        column.Type == ColumnType.Json && column.JsonDefault is { } json && json.TrimStart().StartsWith('[');
}
