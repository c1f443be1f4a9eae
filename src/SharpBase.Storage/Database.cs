using SharpBase.Storage.Dialects;

namespace SharpBase.Storage;

/// <summary>
/// A connection manager for one database. Reads run on pooled connections; writes run in a transaction that commits when
/// the delegate returns and rolls back when it throws. On SQLite writes are serialized in-process on one writer connection.
/// Both hand the delegate a <see cref="DbSession"/>; a write's <see cref="DbSession.OnCommitted"/> callbacks run after
/// the commit, once the connection (and SQLite's writer lock) is released.
/// </summary>
public abstract class Database : IAsyncDisposable
{
    /// <summary>The dialect of this database.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>Receives the failures of after-commit callbacks (the write itself stands); the default ignores them.</summary>
    public Action<Exception>? CommittedCallbackFailed { get; set; }

    /// <summary>Runs <paramref name="work"/> on a read session.</summary>
    public abstract Task<T> ReadAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a write session, then its after-commit callbacks.</summary>
    public async Task<T> WriteAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        DbSession? committed = null;
        var result = await WriteCoreAsync(async (session, ct) =>
        {
            var value = await work(session, ct);
            committed = session;
            return value;
        }, cancellationToken);
        if (committed is not null)
        {
            foreach (var callback in committed.TakeCommitted())
            {
                try
                {
                    // The write has committed: a client that goes away now must not stop what follows from it.
                    await callback(CancellationToken.None);
                }
                catch (Exception exception)
                {
                    CommittedCallbackFailed?.Invoke(exception);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and commits it when <paramref name="work"/> returns (rolls back
    /// when it throws). A session whose work returned but whose commit failed must not reach <see cref="WriteAsync{T}"/>'s
    /// callbacks: implementations throw in that case.
    /// </summary>
    protected abstract Task<T> WriteCoreAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>A session over an open connection, for implementations.</summary>
    protected DbSession Session(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction) =>
        new(connection, transaction, Dialect);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
