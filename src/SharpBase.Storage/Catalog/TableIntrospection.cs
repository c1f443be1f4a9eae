using System.Data;
using System.Globalization;
using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Catalog;

/// <summary>Questions about tables and queries: does a table exist, how many rows, what columns does a SELECT return.</summary>
public static class TableIntrospection
{
    private static readonly HashSet<string> NumberTypes = new(StringComparer.Ordinal)
    {
        "integer", "int", "int2", "int4", "int8", "smallint", "bigint", "tinyint", "mediumint", "serial", "bigserial", "smallserial",
        "real", "double", "double precision", "float", "float4", "float8", "numeric", "decimal", "number",
    };


    /// <summary>The number of rows in <paramref name="table"/>.</summary>
    public static async Task<long> CountRowsAsync(DbSession session, string table,
        CancellationToken cancellationToken)
    {
        await using var command = session.Command($"SELECT COUNT(*) FROM {session.Dialect.QuoteIdentifier(table)}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }


    /// <summary>True when a table or view named <paramref name="name"/> exists.</summary>
    public static async Task<bool> TableExistsAsync(DbSession session, string name,
        CancellationToken cancellationToken)
    {
        await using var command = session.Command(session.Dialect.TableExistsSql("@name"));
        command.AddParameter("@name", name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }


    /// <summary>
    /// The columns <paramref name="selectSql"/> returns. Types come from the database
    /// (on SQLite, a column's declared type; an expression has none and is Text). An invalid query throws the provider's error.
    /// </summary>
    public static async Task<IReadOnlyList<QueryColumn>> DescribeQueryAsync(DbSession session, string selectSql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var command = session.Command($"SELECT * FROM ({selectSql}) AS q LIMIT 0");
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly, cancellationToken);
        var columns = new QueryColumn[reader.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            var type = reader.GetDataTypeName(i) ?? "";
            columns[i] = new QueryColumn(reader.GetName(i), MapType(type), type);
        }

        return columns;
    }

    /// <summary>True for a text type name: <c>text</c>, <c>varchar(n)</c>, <c>character varying</c>, <c>char</c>, <c>bpchar</c>.</summary>
    internal static bool IsTextType(string typeName) =>
        BaseTypeName(typeName) is "text" or "varchar" or "character varying" or "char" or "character" or "bpchar";

    /// <summary>The type name lower-cased, without a size such as <c>(255)</c>.</summary>
    private static string BaseTypeName(string? typeName)
    {
        var name = (typeName ?? "").Trim().ToLowerInvariant();
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        return parenthesis >= 0 ? name[..parenthesis].Trim() : name;
    }

    /// <summary>Maps a database type name (PostgreSQL's, or SQLite's declared type) to a column type; unknown is Text.</summary>
    internal static ColumnType MapType(string? typeName)
    {
        var name = BaseTypeName(typeName);
        return name switch
        {
            "bool" or "boolean" => ColumnType.Bool,
            "json" or "jsonb" => ColumnType.Json,
            "date" or "datetime" => ColumnType.DateTime,
            _ when name.StartsWith("timestamp", StringComparison.Ordinal) => ColumnType.DateTime,
            _ when NumberTypes.Contains(name) || name.StartsWith("unsigned", StringComparison.Ordinal) => ColumnType.Number,
            _ => ColumnType.Text,
        };
    }
}
