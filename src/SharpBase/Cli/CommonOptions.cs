using System.CommandLine;

namespace SharpBase.Cli;

/// <summary>The flags every verb accepts; they win over <c>SHARPBASE_*</c> variables and <c>appsettings.json</c>.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Dir = new("--dir")
    {
        Description = "The data folder (SQLite database, outbox). Default: ./sb_data",
        Recursive = true,
        HelpName = "path",
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "A PostgreSQL connection string; when given, PostgreSQL is used instead of SQLite.",
        Recursive = true,
        HelpName = "connection-string",
    };

    public static readonly Option<string?> MigrationsDir = new("--migrations-dir")
    {
        Description = "Where migration files are written and read. Default: sb_migrations beside the data folder",
        Recursive = true,
        HelpName = "path",
    };
}
