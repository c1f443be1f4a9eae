using System.Data.Common;
using SharpBase.Storage.Dialects;

namespace SharpBase.Storage;

/// <summary>
/// A connection manager for one database. Reads run on pooled connections; writes run in a transaction
/// that commits when the delegate returns and rolls back when it throws. On SQLite writes are serialized
/// in-process on one writer connection.
/// </summary>
public abstract class Database : IAsyncDisposable
{
    /// <summary>The dialect of this database.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>Runs <paramref name="work"/> on a read connection.</summary>
    public abstract Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a write transaction.</summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
