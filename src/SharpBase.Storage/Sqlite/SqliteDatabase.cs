using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SharpBase.Storage.Dialects;

namespace SharpBase.Storage.Sqlite;

/// <summary>
/// SQLite in WAL mode: one writer connection, with writes serialized in-process and run in <c>BEGIN IMMEDIATE</c>
/// transactions, plus a pool of query-only reader connections. Reads never see a write that has not committed, even
/// one in progress on the same async flow. A write cannot start another write (that would wait for itself): it throws.
/// </summary>
public sealed class SqliteDatabase : Database
{
    private static readonly int MaxIdleReaders = Environment.ProcessorCount * 4;

    private readonly string _connectionString;
    private readonly string[] _pragmas;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly AsyncLocal<WriteScope?> _writeScope = new();
    private readonly ConcurrentBag<SqliteConnection> _idleReaders = [];
    private int _idleReaderCount;
    private SqliteConnection? _writer;
    private volatile bool _disposed;

    /// <summary>Uses <c>&lt;dataDirectory&gt;/data.db</c>, creating the directory; connections open on first use.</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="synchronousFull">True for <c>synchronous=FULL</c> (a commit survives a power loss), false for NORMAL.</param>
    public SqliteDatabase(string dataDirectory, bool synchronousFull = false)
    {
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(dataDirectory, "data.db"));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString();
        _pragmas = ["PRAGMA busy_timeout=10000", "PRAGMA journal_mode=WAL", $"PRAGMA synchronous={(synchronousFull ? "FULL" : "NORMAL")}", "PRAGMA foreign_keys=ON"];
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public override SqlDialect Dialect => SqliteDialect.Instance;

    /// <inheritdoc />
    public override async Task<T> ReadAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var connection = TakeIdleReader() ?? await OpenAsync(readOnly: true, cancellationToken);
        try
        {
            return await work(Session(connection, null), cancellationToken);
        }
        finally
        {
            await ReturnReaderAsync(connection);
        }
    }

    /// <inheritdoc />
    protected override async Task<T> WriteCoreAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writeScope.Value is { Active: true })
        {
            throw new InvalidOperationException("A write cannot start another write: use the session it was given.");
        }

        await _writeLock.WaitAsync(cancellationToken);
        // A mutable scope, not a bool: work may start tasks that outlive the write and capture this async-local.
        var scope = new WriteScope();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writeScope.Value = scope;
            var connection = _writer ??= await OpenAsync(readOnly: false, cancellationToken);
            // Microsoft.Data.Sqlite begins a non-deferred transaction, BEGIN IMMEDIATE, unless asked for ReadUncommitted.
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (transaction)
            {
                try
                {
                    var result = await work(Session(connection, transaction), cancellationToken);
                    await transaction.CommitAsync(CancellationToken.None);
                    return result;
                }
                catch
                {
                    await RollBackAsync(transaction);
                    throw;
                }
            }
        }
        finally
        {
            scope.Active = false;
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _writeLock.WaitAsync();
        try
        {
            _disposed = true;
            if (_writer is not null)
            {
                await _writer.DisposeAsync();
                _writer = null;
            }
        }
        finally
        {
            _writeLock.Release();
        }

        await DisposeIdleReadersAsync();
    }

    private async Task<SqliteConnection> OpenAsync(bool readOnly, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // One statement per command: Microsoft.Data.Sqlite can drop an error raised by a statement that follows
            // one returning rows (as these pragmas do) in the same command.
            foreach (var pragma in readOnly ? [.. _pragmas, "PRAGMA query_only=ON"] : _pragmas)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = pragma;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private SqliteConnection? TakeIdleReader()
    {
        if (_idleReaders.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleReaderCount);
            return connection;
        }

        return null;
    }

    private async ValueTask ReturnReaderAsync(SqliteConnection connection)
    {
        // A connection left inside a transaction (or closed) is not reused.
        var reusable = connection.State == System.Data.ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0;
        if (!reusable || _disposed)
        {
            await connection.DisposeAsync();
            return;
        }

        if (Interlocked.Increment(ref _idleReaderCount) > MaxIdleReaders)
        {
            Interlocked.Decrement(ref _idleReaderCount);
            await connection.DisposeAsync();
            return;
        }

        _idleReaders.Add(connection);
        if (_disposed)
        {
            await DisposeIdleReadersAsync();
        }
    }

    private async ValueTask DisposeIdleReadersAsync()
    {
        while (TakeIdleReader() is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task RollBackAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is SqliteException or InvalidOperationException)
        {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); start over on a fresh writer connection.
            if (_writer is not null)
            {
                await _writer.DisposeAsync();
                _writer = null;
            }
        }
    }

    private sealed class WriteScope
    {
        public bool Active { get; set; } = true;
    }
}
