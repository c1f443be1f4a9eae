using Microsoft.Data.Sqlite;

using SharpBase.Storage.Dialects;

namespace SharpBase.Storage.Import;

/// <summary>One row of PocketBase's <c>_collections</c> table (0.23+), its JSON columns as text.</summary>
public sealed record PocketBaseCollectionRow(
    string Id, string Name, string Type, bool System, string Fields, string Options, string Indexes,
    string? ListRule, string? ViewRule, string? CreateRule, string? UpdateRule, string? DeleteRule, string Created, string Updated);

/// <summary>
/// Reads a SQLite file PocketBase wrote (<c>data.db</c>, <c>auxiliary.db</c>), opened read-only so an import can never
/// change its source. Table names come from the file's own catalog and are quoted; values come back as SQLite holds them.
/// </summary>
public sealed class PocketBaseDataFile : IAsyncDisposable
{
    private static readonly string[] CollectionColumns =
        ["id", "system", "type", "name", "fields", "listRule", "viewRule", "createRule", "updateRule", "deleteRule", "options", "created", "updated", "indexes"];

    private readonly SqliteConnection _connection;

    private PocketBaseDataFile(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens <paramref name="path"/> read-only. A missing file is a <see cref="FileNotFoundException"/>; a file that is not
    /// SQLite is an <see cref="InvalidDataException"/>, both with one line naming the file.
    /// </summary>
    public static async Task<PocketBaseDataFile> OpenAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist.", path);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadOnly, Cache = SqliteCacheMode.Private, Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            var file = new PocketBaseDataFile(connection, path);
            await file.TablesAsync(cancellationToken); // SQLite reads the header lazily: this is where a non-database fails.
            return file;
        }
        catch (SqliteException exception)
        {
            await connection.DisposeAsync();
            throw new InvalidDataException($"{path} is not a readable SQLite database ({exception.SqliteErrorCode}: {FirstLine(exception.Message)}).", exception);
        }
    }

    /// <summary>The names of the file's tables.</summary>
    public async Task<IReadOnlySet<string>> TablesAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT name FROM sqlite_master WHERE type = 'table'");
        return (await ReadStringsAsync(command, cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The column names of <paramref name="table"/>, in order.</summary>
    public async Task<IReadOnlyList<string>> ColumnsAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT name FROM pragma_table_info(@table)");
        command.Parameters.AddWithValue("@table", table);
        return await ReadStringsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Every row of <c>_collections</c>; an <see cref="InvalidDataException"/> when the table is missing or lacks a column
    /// of PocketBase 0.23's layout (older versions kept a <c>schema</c> column instead of <c>fields</c>).
    /// </summary>
    public async Task<IReadOnlyList<PocketBaseCollectionRow>> ReadCollectionsAsync(CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync("_collections", cancellationToken);
        if (columns.Count == 0)
        {
            throw new InvalidDataException($"{Path} has no _collections table: it is not a PocketBase database.");
        }

        if (CollectionColumns.FirstOrDefault(c => !columns.Contains(c, StringComparer.Ordinal)) is { } missing)
        {
            throw new InvalidDataException(columns.Contains("schema", StringComparer.Ordinal)
                ? $"{Path} is from PocketBase before 0.23 (_collections has \"schema\", not \"fields\"); open it once with PocketBase 0.23 or later to upgrade it, then import."
                : $"{Path} is not in PocketBase 0.23+'s format: _collections has no \"{missing}\" column.");
        }

        var rows = new List<PocketBaseCollectionRow>();
        await using var command = Command("SELECT " + string.Join(", ", CollectionColumns.Select(Quote)) + " FROM \"_collections\" ORDER BY \"created\", \"id\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(new PocketBaseCollectionRow(
                Text(0) ?? "", Text(3) ?? "", Text(2) ?? "base", Text(1) is "1" or "true" or "TRUE", Text(4) ?? "[]", Text(10) ?? "{}", Text(13) ?? "[]",
                Text(5), Text(6), Text(7), Text(8), Text(9), Text(11) ?? "", Text(12) ?? ""));
        }

        return rows;
    }

    /// <summary>The number of rows in <paramref name="table"/>; 0 when it does not exist.</summary>
    public async Task<long> CountAsync(string table, CancellationToken cancellationToken)
    {
        if (!(await TablesAsync(cancellationToken)).Contains(table))
        {
            return 0;
        }

        await using var command = Command("SELECT COUNT(*) FROM " + Quote(table));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The values of one text column of every row of <paramref name="table"/> (e.g. the keys of <c>_params</c>).</summary>
    public async Task<IReadOnlyList<string>> ReadColumnAsync(string table, string column, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {Quote(column)} FROM {Quote(table)} ORDER BY 1");
        return await ReadStringsAsync(command, cancellationToken);
    }

    /// <summary>Every row of <paramref name="table"/> as column → value (only the <paramref name="columns"/> that exist), in id order.</summary>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> ReadRowsAsync(string table, IReadOnlyList<string> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {string.Join(", ", columns.Select(Quote))} FROM {Quote(table)} ORDER BY \"rowid\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                row[columns[i]] = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i);
            }

            yield return row;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static string Quote(string identifier) => SqliteDialect.Instance.QuoteIdentifier(identifier);

    /// <summary>The first column of every row the command returns, as text (a null as the empty string).</summary>
    private static async Task<List<string>> ReadStringsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(await reader.IsDBNullAsync(0, cancellationToken) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return values;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
