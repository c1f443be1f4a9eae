using SharpBase.Cli;

namespace SharpBase.Http.Tests.Infrastructure;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>The flags that point a verb at <paramref name="database"/>.</summary>
    public static string[] For(TestDatabase database, string? migrationsDir = null)
    {
        var args = new List<string> { "--dir", database.Directory };
        if (database.ConnectionString is { } db)
        {
            args.AddRange(["--db", db]);
        }

        if (migrationsDir is not null)
        {
            args.AddRange(["--migrations-dir", migrationsDir]);
        }

        return [.. args];
    }
}
