using System.Data.Common;
using SharpBase.Storage.Dialects;

namespace SharpBase.Storage;

/// <summary>
/// The unit of work every database operation runs in: an open connection, and for a write its transaction. A write
/// session collects callbacks with <see cref="OnCommitted"/>; they run once the transaction has committed, in the order
/// they were registered, and are dropped when it rolls back. Sessions come only from <see cref="Database.ReadAsync{T}"/>
/// and <see cref="Database.WriteAsync{T}"/>; they are not thread-safe and end when the delegate they were given returns.
/// </summary>
public sealed class DbSession
{
    private List<Func<CancellationToken, Task>>? _committed;

    internal DbSession(DbConnection connection, DbTransaction? transaction, SqlDialect dialect)
    {
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
    }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The write transaction; null on a read session.</summary>
    public DbTransaction? Transaction { get; }

    /// <summary>The SQL dialect of the database.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>True for a write session.</summary>
    public bool IsWrite => Transaction is not null;

    /// <summary>The transaction, or an error when this is a read session (a write was attempted on a read).</summary>
    public DbTransaction WriteTransaction => Transaction ?? throw new InvalidOperationException("This operation needs a write session.");

    /// <summary>A command on this session's connection and transaction.</summary>
    public DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Runs <paramref name="callback"/> after the write commits (never when it rolls back). Callbacks run after the session's
    /// connection is released, so they may start new reads or writes; a failing callback does not undo the commit: it is
    /// reported to the database's error handler and the remaining callbacks still run.
    /// </summary>
    public void OnCommitted(Func<CancellationToken, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (!IsWrite)
        {
            throw new InvalidOperationException("Only a write session commits.");
        }

        (_committed ??= []).Add(callback);
    }

    internal IReadOnlyList<Func<CancellationToken, Task>> TakeCommitted()
    {
        var callbacks = (IReadOnlyList<Func<CancellationToken, Task>>?)_committed ?? [];
        _committed = null;
        return callbacks;
    }
}
