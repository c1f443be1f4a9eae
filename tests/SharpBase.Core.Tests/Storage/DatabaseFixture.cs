using Npgsql;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;
using Xunit;

namespace SharpBase.Core.Tests.Storage;

/// <summary>One fresh database per test class, with the system tables created.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private Database? _database;

    public Database Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        _database = await OpenAsync();
        await SystemTables.EnsureCreatedAsync(_database, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<Database> OpenAsync();

    protected abstract Task CleanUpAsync();
}

public sealed class SqliteFixture : DatabaseFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb_test_" + Guid.NewGuid().ToString("N")[..12]);

    protected override Task<Database> OpenAsync() => DatabaseFactory.OpenAsync(_directory, null, CancellationToken.None);

    protected override Task CleanUpAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgresFixture : DatabaseFixture
{
    private readonly string _name = "sb_test_" + Guid.NewGuid().ToString("N")[..12];

    protected override async Task<Database> OpenAsync()
    {
        await TestPostgres.ExecuteAsync($"CREATE DATABASE \"{_name}\"");
        return await DatabaseFactory.OpenAsync("unused", TestPostgres.ConnectionString(_name), CancellationToken.None);
    }

    protected override Task CleanUpAsync() => TestPostgres.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
}

/// <summary>
/// The PostgreSQL server of the tests: <c>SHARPBASE_TEST_PG</c> (an Npgsql connection string for a superuser), or
/// <c>Host=127.0.0.1;Port=5432;Username=postgres</c>. A missing server fails the tests; it never skips them.
/// </summary>
public static class TestPostgres
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("SHARPBASE_TEST_PG") is { Length: > 0 } configured ? configured : "Host=127.0.0.1;Port=5432;Username=postgres";

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public static async Task ExecuteAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
