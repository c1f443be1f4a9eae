using System.Data.Common;
using Microsoft.Data.Sqlite;
using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Dialects;

/// <summary>Values and errors: dates as <c>yyyy-MM-dd HH:mm:ss.fffZ</c> text ('' when empty), booleans as 0/1.</summary>
public sealed partial class SqliteDialect
{
    private const int SqliteError = 1;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const string ConstraintFailed = "constraint failed: ";

    /// <inheritdoc />
    public override object ToDbValue(ColumnType type, object? value) => type switch
    {
        ColumnType.Text => DbValues.ToText(value),
        ColumnType.Number => DbValues.ToDouble(value),
        ColumnType.Bool => DbValues.ToBool(value) ? 1L : 0L,
        ColumnType.DateTime => DbValues.ToDate(value) is { } date ? DbValues.FormatDate(date) : "",
        ColumnType.Json => (object?)DbValues.ToJson(value) ?? DBNull.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <inheritdoc />
    public override DbErrorKind Classify(DbException exception)
    {
        if (exception is not SqliteException sqlite)
        {
            return DbErrorKind.Other;
        }

        return (sqlite.SqliteErrorCode, sqlite.SqliteExtendedErrorCode) switch
        {
            (_, SqliteConstraintUnique or SqliteConstraintPrimaryKey) => DbErrorKind.UniqueViolation,
            (SqliteConstraint, _) => DbErrorKind.ConstraintViolation,
            (SqliteBusy or SqliteLocked, _) => DbErrorKind.SerializationFailure,
            // ALTER TABLE checks the views that read the table and names the one it broke: "error in view v: no such column: c".
            (SqliteError, _) when sqlite.Message.Contains("error in view ", StringComparison.Ordinal) => DbErrorKind.DependentObject,
            (SqliteError, _) => DbErrorKind.InvalidSql,
            _ => DbErrorKind.Other,
        };
    }

    /// <inheritdoc />
    /// <remarks>SQLite says <c>UNIQUE constraint failed: t.a, t.b</c>; an index over expressions names the index instead (no columns).</remarks>
    public override IReadOnlyList<string> UniqueViolationColumns(DbException exception)
    {
        if (Classify(exception) != DbErrorKind.UniqueViolation)
        {
            return [];
        }

        var message = exception.Message;
        var start = message.IndexOf(ConstraintFailed, StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        start += ConstraintFailed.Length;
        var end = message.IndexOf('\'', start);
        var list = end < 0 ? message[start..] : message[start..end];
        if (list.StartsWith("index ", StringComparison.Ordinal))
        {
            return [];
        }

        return list.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(column => column[(column.LastIndexOf('.') + 1)..])
            .ToArray();
    }

    /// <inheritdoc />
    protected override string? ReadJson(object? value) => value switch
    {
        null => null,
        "" => null,
        string s => DbValues.IsValidJson(s) ? s : DbValues.JsonString(s),
        long or double => DbValues.ReadText(value),
        byte[] bytes => ReadJson(DbValues.ReadText(bytes)),
        _ => DbValues.JsonString(DbValues.ReadText(value)),
    };
}
