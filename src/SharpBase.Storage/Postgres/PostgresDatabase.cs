using Npgsql;
using SharpBase.Storage.Dialects;

namespace SharpBase.Storage.Postgres;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; each write is one transaction (READ COMMITTED).</summary>
public sealed class PostgresDatabase : Database
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Builds the data source; nothing connects until the first read or write.</summary>
    /// <param name="connectionString">An Npgsql connection string. <c>Include Error Detail</c> is turned on so unique violations name their columns.</param>
    public PostgresDatabase(string connectionString)
        : this(new NpgsqlConnectionStringBuilder(connectionString))
    {
    }

    /// <summary>Builds the data source from parsed settings; nothing connects until the first read or write.</summary>
    public PostgresDatabase(NpgsqlConnectionStringBuilder settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { IncludeErrorDetail = true };
        _dataSource = new NpgsqlDataSourceBuilder(Settings.ConnectionString).Build();
    }

    /// <summary>The connection settings in force (for messages; never log the password).</summary>
    public NpgsqlConnectionStringBuilder Settings { get; }

    /// <inheritdoc />
    public override SqlDialect Dialect => PostgresDialect.Instance;

    /// <inheritdoc />
    public override async Task<T> ReadAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await work(Session(connection, null), cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<T> WriteCoreAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(work, cancellationToken);
            }
            catch (PostgresException exception) when (attempt < MaxWriteAttempts && IsRetryable(exception))
            {
                // PostgreSQL rolled the whole transaction back (a deadlock between row locks taken in different orders, or a
                // serialization failure), so running the work again from the start is safe and is what it asks for.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>How often a write that PostgreSQL aborted as a deadlock or serialization failure is run before the error stands.</summary>
    public const int MaxWriteAttempts = 3;

    private static bool IsRetryable(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    private async Task<T> WriteOnceAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(Session(connection, transaction), cancellationToken);
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        }
        catch
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
            {
                // The connection is broken or the transaction already ended; disposing it cleans up.
            }

            throw;
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException exception) when (exception.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Every pooled connection stayed busy for the whole Timeout (or the server did not answer the connect): the
            // caller should come back shortly rather than wait on.
            throw new DatabaseBusyException(
                $"no PostgreSQL connection within {Settings.Timeout} s (pool of {Settings.MaxPoolSize}): {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
