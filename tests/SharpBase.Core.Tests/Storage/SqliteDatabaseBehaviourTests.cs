using SharpBase.Storage;
using Microsoft.Data.Sqlite;
using SharpBase.Storage.Sqlite;
using Xunit;

namespace SharpBase.Core.Tests.Storage;

/// <summary>What only SQLite has: the writer connection, the query-only readers, the pragmas.</summary>
public sealed class SqliteDatabaseBehaviourTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb_test_" + Guid.NewGuid().ToString("N")[..12]);
    private SqliteDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _database = new SqliteDatabase(_directory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task WriteAsync_BeforeFirstStatement_HoldsTheWriteLock()
    {
        await _database.WriteAsync(async (_, ct) =>
        {
            // BEGIN IMMEDIATE: another connection cannot start writing even though this transaction wrote nothing yet.
            await using var other = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False;Default Timeout=1");
            await other.OpenAsync(ct);
            await using var command = other.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE";
            var exception = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(ct));
            Assert.Equal(5, exception.SqliteErrorCode);
            return true;
        }, Ct);
    }

    [Fact]
    public async Task WriteAsync_InsideWrite_ThrowsInsteadOfDeadlocking()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _database.WriteAsync((_, ct) => _database.WriteAsync((_, _) => Task.FromResult(1), ct), Ct));

        Assert.Contains("cannot start another write", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, await _database.WriteAsync((_, _) => Task.FromResult(2), Ct));
    }

    [Fact]
    public async Task WriteAsync_FromTaskStartedByAnEndedWrite_Runs()
    {
        using var release = new SemaphoreSlim(0);
        Task<int>? later = null;
        await _database.WriteAsync((_, _) =>
        {
            later = Task.Run(async () =>
            {
                await release.WaitAsync();
                return await _database.WriteAsync((_, _) => Task.FromResult(3), CancellationToken.None);
            }, CancellationToken.None);
            return Task.FromResult(true);
        }, Ct);

        release.Release();
        Assert.Equal(3, await later!);
    }

    [Fact]
    public async Task ReadAsync_AttemptedWrite_IsRefused()
    {
        var exception = await Assert.ThrowsAsync<SqliteException>(() => _database.ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command("CREATE TABLE sneaky (x TEXT)");
            return await command.ExecuteNonQueryAsync(ct);
        }, Ct));

        Assert.Equal(8, exception.SqliteErrorCode); // SQLITE_READONLY
    }

    [Theory]
    [InlineData(false, 1L)]
    [InlineData(true, 2L)]
    public async Task Connections_Pragmas_AreSet(bool synchronousFull, long synchronous)
    {
        await using var database = new SqliteDatabase(Path.Combine(_directory, synchronousFull ? "full" : "normal"), synchronousFull);
        await database.WriteAsync((_, _) => Task.FromResult(true), Ct);

        foreach (var (pragma, expected) in new (string, object)[] { ("journal_mode", "wal"), ("foreign_keys", 1L), ("synchronous", synchronous), ("busy_timeout", 10000L) })
        {
            Assert.Equal(expected, await database.WriteAsync((s, ct) => ScalarAsync(s, "PRAGMA " + pragma, ct), Ct));
            Assert.Equal(expected, await database.ReadAsync((s, ct) => ScalarAsync(s, "PRAGMA " + pragma, ct), Ct));
        }

        Assert.Equal(1L, await database.ReadAsync((s, ct) => ScalarAsync(s, "PRAGMA query_only", ct), Ct));
        Assert.Equal(0L, await database.WriteAsync((s, ct) => ScalarAsync(s, "PRAGMA query_only", ct), Ct));
    }

    [Fact]
    public async Task DisposeAsync_ThenUse_ThrowsObjectDisposed()
    {
        await _database.ReadAsync((_, _) => Task.FromResult(0), Ct);
        await _database.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _database.ReadAsync((_, _) => Task.FromResult(0), Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _database.WriteAsync((_, _) => Task.FromResult(0), Ct));
    }

    private static async Task<object?> ScalarAsync(DbSession session, string sql, CancellationToken cancellationToken)
    {
        await using var command = session.Command(sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
