using Microsoft.Extensions.Configuration;
using SharpBase.Storage.Postgres;

namespace SharpBase.Core;

/// <summary>Where the data lives: a SQLite folder, or a PostgreSQL database; and where migrations are written.</summary>
public sealed record CoreOptions
{
    /// <summary>The data folder (SQLite file, outbox, later files); created if missing.</summary>
    [ConfigurationKeyName("Dir")]
    public string DataDirectory { get; set; } = "./sb_data";

    /// <summary>A PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite.</summary>
    [ConfigurationKeyName("Db")]
    public string? PostgresConnectionString { get; set; }

    /// <summary>The migrations folder; defaults to <c>sb_migrations</c> beside the data folder.</summary>
    [ConfigurationKeyName("MigrationsDir")]
    public string? MigrationsDirectory { get; set; }

    /// <summary>
    /// The most PostgreSQL connections this node opens; 0 (the default) means four per core, at least 8 and at most 64.
    /// A <c>Maximum Pool Size</c> in the connection string wins.
    /// </summary>
    public int DbMaxConnections { get; set; }

    /// <summary>
    /// How long an unused PostgreSQL connection stays open; zero (the default) means 30 seconds. A
    /// <c>Connection Idle Lifetime</c> in the connection string wins.
    /// </summary>
    public TimeSpan DbIdleLifetime { get; set; }

    /// <summary>The pool these options describe.</summary>
    public PostgresPoolOptions PostgresPool => new() { MaxConnections = DbMaxConnections, IdleLifetime = DbIdleLifetime };

    /// <summary>SQLite <c>synchronous=FULL</c>: survives power loss, not only process crashes, at some write cost.</summary>
    public bool SqliteSynchronousFull { get; set; }

    /// <summary>The migrations folder in force.</summary>
    public string ResolvedMigrationsDirectory =>
        MigrationsDirectory is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DataDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "sb_migrations");
}
