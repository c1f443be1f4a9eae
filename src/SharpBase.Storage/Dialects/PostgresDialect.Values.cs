using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Dialects;

/// <summary>Values and errors: dates as UTC timestamptz (NULL when empty), JSON as jsonb parameters, SQLSTATE codes.</summary>
public sealed partial class PostgresDialect
{
    /// <inheritdoc />
    public override object ToDbValue(ColumnType type, object? value) => type switch
    {
        ColumnType.Text => DbValues.ToText(value),
        ColumnType.Number => DbValues.ToDouble(value),
        ColumnType.Bool => DbValues.ToBool(value),
        ColumnType.DateTime => DbValues.ToDate(value) is { } date ? date.UtcDateTime : DBNull.Value,
        ColumnType.Json => (object?)DbValues.ToJson(value) ?? DBNull.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <inheritdoc />
    public override void ConfigureParameter(DbParameter parameter, ColumnType type)
    {
        if (parameter is NpgsqlParameter npgsql)
        {
            npgsql.NpgsqlDbType = type switch
            {
                ColumnType.Text => NpgsqlDbType.Text,
                ColumnType.Number => NpgsqlDbType.Double,
                ColumnType.Bool => NpgsqlDbType.Boolean,
                ColumnType.DateTime => NpgsqlDbType.TimestampTz,
                ColumnType.Json => NpgsqlDbType.Jsonb,
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
            };
        }
    }

    /// <inheritdoc />
    public override DbErrorKind Classify(DbException exception)
    {
        var state = exception is PostgresException postgres ? postgres.SqlState : exception.SqlState;
        return state switch
        {
            PostgresErrorCodes.UniqueViolation => DbErrorKind.UniqueViolation,
            PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.CheckViolation
                or PostgresErrorCodes.ExclusionViolation => DbErrorKind.ConstraintViolation,
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => DbErrorKind.SerializationFailure,
            PostgresErrorCodes.DependentObjectsStillExist => DbErrorKind.DependentObject,
            { Length: 5 } when state.StartsWith("42", StringComparison.Ordinal) => DbErrorKind.InvalidSql,
            _ => DbErrorKind.Other,
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// Read from the error detail, <c>Key (a, lower(b))=(...) already exists.</c>, which Npgsql only passes on with
    /// <c>Include Error Detail=true</c> (<see cref="Postgres.PostgresDatabase"/> sets it). <c>lower(col)</c> gives <c>col</c>.
    /// </remarks>
    public override IReadOnlyList<string> UniqueViolationColumns(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, Detail: { } detail } ? KeyColumns(detail) : [];

    private static string[] KeyColumns(string detail)
    {
        const string prefix = "Key (";
        if (!detail.StartsWith(prefix, StringComparison.Ordinal))
        {
            return [];
        }

        var terms = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = prefix.Length;
        for (var i = start; i < detail.Length; i++)
        {
            var ch = detail[i];
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == '(')
            {
                depth++;
            }
            else if (!quoted && ch == ')' && depth-- == 0)
            {
                terms.Add(detail[start..i]);
                return terms.Select(KeyColumn).ToArray();
            }
            else if (!quoted && ch == ',' && depth == 0)
            {
                terms.Add(detail[start..i]);
                start = i + 1;
            }
        }

        return [];
    }

    private static string KeyColumn(string term)
    {
        term = term.Trim();
        if (term.StartsWith("lower(", StringComparison.Ordinal) && term.EndsWith(')'))
        {
            term = term["lower(".Length..^1].Trim();
        }

        if (term.EndsWith("::text", StringComparison.Ordinal))
        {
            term = term[..^"::text".Length];
        }

        return term.Length >= 2 && term[0] == '"' && term[^1] == '"' ? term[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : term;
    }
}
