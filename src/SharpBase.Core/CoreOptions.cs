using Microsoft.Extensions.Configuration;

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

    /// <summary>SQLite <c>synchronous=FULL</c>: survives power loss, not only process crashes, at some write cost.</summary>
    public bool SqliteSynchronousFull { get; set; }

    /// <summary>The migrations folder in force.</summary>
    public string ResolvedMigrationsDirectory =>
        MigrationsDirectory is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DataDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "sb_migrations");
}
