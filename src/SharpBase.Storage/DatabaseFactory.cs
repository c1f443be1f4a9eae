using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using SharpBase.Storage.Postgres;
using SharpBase.Storage.Sqlite;

namespace SharpBase.Storage;

/// <summary>Opens the configured database and checks that it answers.</summary>
public static class DatabaseFactory
{
    /// <summary>The connect timeout, in seconds, used when the connection string gives none.</summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    private static readonly string[] TimeoutKeywords = ["timeout", "connecttimeout", "connectiontimeout"];
    private static readonly string[] PoolSizeKeywords = ["maxpoolsize", "maximumpoolsize"];
    private static readonly string[] IdleLifetimeKeywords = ["connectionidlelifetime"];
    private static readonly string[] PruningKeywords = ["connectionpruninginterval"];

    /// <summary>
    /// PostgreSQL when <paramref name="postgresConnectionString"/> is not empty, else SQLite in
    /// <c>&lt;dataDirectory&gt;/data.db</c>; probed with <c>SELECT 1</c>.
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The connection string is invalid or the database does not answer.</exception>
    public static Task<Database> OpenAsync(string dataDirectory, string? postgresConnectionString, CancellationToken cancellationToken) =>
        OpenAsync(dataDirectory, postgresConnectionString, sqliteSynchronousFull: false, cancellationToken);

    /// <summary>
    /// As above; <paramref name="sqliteSynchronousFull"/> makes SQLite fsync every commit (<c>synchronous=FULL</c>) so an
    /// acknowledged write also survives power loss, not only a killed process.
    /// </summary>
    public static async Task<Database> OpenAsync(string dataDirectory, string? postgresConnectionString, bool sqliteSynchronousFull,
        CancellationToken cancellationToken)
    {
        var database = Create(dataDirectory, postgresConnectionString, sqliteSynchronousFull);
        try
        {
            await EnsureAvailableAsync(database, cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The database for these settings, without connecting yet (a service container creates it synchronously);
    /// <see cref="EnsureAvailableAsync"/> then checks that it answers.
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The PostgreSQL connection string is invalid, or the SQLite folder cannot be created.</exception>
    /// <param name="dataDirectory">The SQLite folder.</param>
    /// <param name="postgresConnectionString">PostgreSQL's connection string; SQLite when empty.</param>
    /// <param name="sqliteSynchronousFull">SQLite <c>synchronous=FULL</c>.</param>
    /// <param name="pool">The PostgreSQL pool; a setting the connection string names itself wins.</param>
    public static Database Create(string dataDirectory, string? postgresConnectionString, bool sqliteSynchronousFull, PostgresPoolOptions? pool = null) =>
        string.IsNullOrWhiteSpace(postgresConnectionString)
            ? CreateSqlite(dataDirectory, sqliteSynchronousFull)
            : CreatePostgres(postgresConnectionString, pool ?? new PostgresPoolOptions());

    /// <summary>Probes <paramref name="database"/> with <c>SELECT 1</c> (SQLite: a write and a read); one clear line when it does not answer.</summary>
    /// <exception cref="DatabaseUnavailableException">The database does not answer.</exception>
    public static async Task EnsureAvailableAsync(Database database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            if (database is SqliteDatabase)
            {
                await database.WriteAsync((session, ct) => ProbeAsync(session, ct), cancellationToken);
            }

            await database.ReadAsync((session, ct) => ProbeAsync(session, ct), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw database switch
            {
                SqliteDatabase sqlite => new DatabaseUnavailableException($"cannot open SQLite database at {sqlite.FilePath}: {OneLine(exception.Message, null)}", exception),
                PostgresDatabase postgres => PostgresUnavailable(postgres.Settings, exception),
                _ => exception,
            };
        }
    }

    private static SqliteDatabase CreateSqlite(string dataDirectory, bool synchronousFull)
    {
        var path = Path.Combine(dataDirectory, "data.db");
        try
        {
            path = Path.GetFullPath(path);
            return new SqliteDatabase(dataDirectory, synchronousFull);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DatabaseUnavailableException($"cannot open SQLite database at {path}: {OneLine(exception.Message, null)}", exception);
        }
    }

    private static PostgresDatabase CreatePostgres(string connectionString, PostgresPoolOptions pool)
    {
        try
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
                .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            if (!named.Overlaps(TimeoutKeywords))
            {
                settings.Timeout = DefaultConnectTimeoutSeconds;
            }

            if (!named.Overlaps(PoolSizeKeywords))
            {
                settings.MaxPoolSize = pool.EffectiveMaxConnections;
            }

            if (!named.Overlaps(IdleLifetimeKeywords))
            {
                settings.ConnectionIdleLifetime = pool.EffectiveIdleLifetimeSeconds;
            }

            if (!named.Overlaps(PruningKeywords))
            {
                // Npgsql closes a connection after it was idle at every sample over the lifetime; it requires the
                // interval to be shorter than the lifetime.
                settings.ConnectionPruningInterval = Math.Clamp(settings.ConnectionIdleLifetime / 3, 1, 10);
            }

            return new PostgresDatabase(settings);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or InvalidOperationException or OverflowException)
        {
            var reason = exception switch
            {
                ArgumentNullException { ParamName: { } name } => $"{name} is missing",
                ArgumentException { ParamName: { } name } => exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal),
                _ => exception.Message,
            };
            throw new DatabaseUnavailableException($"invalid PostgreSQL connection string: {OneLine(reason, null)}", exception);
        }
    }

    private static DatabaseUnavailableException PostgresUnavailable(NpgsqlConnectionStringBuilder settings, Exception exception)
    {
        var where = $"{settings.Host ?? "localhost"}:{settings.Port} (database '{settings.Database ?? settings.Username ?? "postgres"}')";
        return new DatabaseUnavailableException($"cannot connect to PostgreSQL at {where}: {OneLine(Reason(exception, settings.Timeout), settings.Password)}", exception);
    }

    private static async Task<bool> ProbeAsync(DbSession session, CancellationToken cancellationToken)
    {
        await using var command = session.Command("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
        return true;
    }

    /// <summary>The most telling message in a connection failure.</summary>
    private static string Reason(Exception exception, int timeoutSeconds)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return $"{postgres.MessageText} ({postgres.SqlState})";
                case SocketException socket:
                    return socket.Message;
                case TimeoutException:
                    return $"no answer within {timeoutSeconds} s";
            }
        }

        return exception.Message;
    }

    /// <summary>One line, no password, bounded length.</summary>
    private static string OneLine(string text, string? password)
    {
        if (!string.IsNullOrEmpty(password))
        {
            text = text.Replace(password, "***", StringComparison.Ordinal);
        }

        text = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
