using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using SharpBase.Storage.Postgres;
using SharpBase.Storage.Sqlite;

namespace SharpBase.Storage;

/// <summary>Opens the configured database and checks that it answers.</summary>
public static class DatabaseFactory
{
    /// <summary>The connect timeout, in seconds, used when the connection string gives none.</summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    private static readonly string[] TimeoutKeywords = ["timeout", "connect timeout", "connection timeout"];

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
    public static Task<Database> OpenAsync(string dataDirectory, string? postgresConnectionString, bool sqliteSynchronousFull, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(postgresConnectionString)
            ? OpenSqliteAsync(dataDirectory, sqliteSynchronousFull, cancellationToken)
            : OpenPostgresAsync(postgresConnectionString, cancellationToken);

    private static async Task<Database> OpenSqliteAsync(string dataDirectory, bool synchronousFull, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, "data.db");
        SqliteDatabase? database = null;
        try
        {
            path = Path.GetFullPath(path);
            database = new SqliteDatabase(dataDirectory, synchronousFull);
            await database.WriteAsync((connection, transaction, ct) => ProbeAsync(connection, transaction, ct), cancellationToken);
            await database.ReadAsync((connection, ct) => ProbeAsync(connection, null, ct), cancellationToken);
            return database;
        }
        catch (Exception exception)
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new DatabaseUnavailableException($"cannot open SQLite database at {path}: {OneLine(exception.Message, null)}", exception);
        }
    }

    private static async Task<Database> OpenPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder settings;
        PostgresDatabase database;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
            if (!new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
                    .Any(k => TimeoutKeywords.Contains(k.Trim(), StringComparer.OrdinalIgnoreCase)))
            {
                settings.Timeout = DefaultConnectTimeoutSeconds;
            }

            database = new PostgresDatabase(settings.ConnectionString);
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

        try
        {
            await database.ReadAsync((connection, ct) => ProbeAsync(connection, null, ct), cancellationToken);
            return database;
        }
        catch (Exception exception)
        {
            await database.DisposeAsync();
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var where = $"{settings.Host ?? "localhost"}:{settings.Port} (database '{settings.Database ?? settings.Username ?? "postgres"}')";
            throw new DatabaseUnavailableException($"cannot connect to PostgreSQL at {where}: {OneLine(Reason(exception, settings.Timeout), settings.Password)}", exception);
        }
    }

    private static async Task<bool> ProbeAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1";
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
