using Npgsql;

namespace SharpBase.Http.Tests.Infrastructure;

/// <summary>Which database a test class runs on. PostgreSQL comes from <c>SHARPBASE_TEST_PG</c>; a missing server fails the test.</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, empty database for one test: a temp folder for SQLite, a new database for PostgreSQL.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(DatabaseKind kind, string directory, string? connectionString, string? postgresName)
    {
        Kind = kind;
        Directory = directory;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    public DatabaseKind Kind { get; }

    /// <summary>The data folder (used by both: SQLite keeps its file here, both keep migrations beside it).</summary>
    public string Directory { get; }

    /// <summary>The PostgreSQL connection string, or null on SQLite.</summary>
    public string? ConnectionString { get; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("SHARPBASE_TEST_PG") is { Length: > 0 } value ? value : "Host=127.0.0.1;Port=5432;Username=postgres";

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        var root = Path.Combine(Path.GetTempPath(), "sharpbase-http-tests", Guid.NewGuid().ToString("N"));
        var directory = Path.Combine(root, "sb_data");
        System.IO.Directory.CreateDirectory(directory);
        if (kind == DatabaseKind.Sqlite)
        {
            return new TestDatabase(kind, directory, null, null);
        }

        var name = "sb_http_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true };
        return new TestDatabase(kind, directory, builder.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(Directory)!, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow close is harmless in a temp folder.
        }
    }
}
