using System.CommandLine;
using SharpBase.Core.Errors;
using SharpBase.Storage;

namespace SharpBase.Cli;

/// <summary>The command line: <c>serve</c>, <c>superuser</c>, <c>migrate</c> and <c>import</c>, with the shared flags on every verb.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/> and runs the verb; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("SharpBase: a PocketBase-compatible backend in one .NET binary (SQLite or PostgreSQL).\n\n" +
                                   "Examples:\n  sharpbase serve\n  sharpbase serve --http 0.0.0.0:8090 --dir /var/lib/sharpbase\n" +
                                   "  sharpbase superuser upsert admin@example.com 'a long password'\n  sharpbase migrate up --db \"Host=127.0.0.1;Database=app;Username=app\"\n" +
                                   "  sharpbase import pocketbase ./pb_data");
        root.Options.Add(CommonOptions.Dir);
        root.Options.Add(CommonOptions.Db);
        root.Options.Add(CommonOptions.MigrationsDir);
        root.Subcommands.Add(ServeCommand.Create(output));
        root.Subcommands.Add(SuperuserCommand.Create(output));
        root.Subcommands.Add(MigrateCommand.Create(output));
        root.Subcommands.Add(ImportCommand.Create(output));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {parse.Errors[0].Message} (run with --help for usage)");
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (Exception exception) when (OneLine(exception) is { } line)
        {
            await error.WriteLineAsync("error: " + line);
            return 1;
        }
    }

    /// <summary>The one line a user sees for an expected failure; null lets a bug surface with its stack.</summary>
    private static string? OneLine(Exception exception) => exception switch
    {
        DatabaseUnavailableException e => e.Message,
        ArgumentException e => e.Message,
        Microsoft.Extensions.Options.OptionsValidationException e => string.Join("; ", e.Failures),
        // The configuration binder's message names the key and the type ("Failed to convert configuration value 'soon' at
        // 'LoginThrottle:MaxDelay' to type 'System.TimeSpan'.").
        InvalidOperationException { InnerException: FormatException or InvalidCastException or OverflowException } e
            when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => e.Message,
        InvalidDataException e => e.Message,
        Core.Import.ImportRefusedException e => e.Message,
        ApiException e => e.Errors.IsEmpty ? e.Message : $"{e.Message} {System.Text.Json.JsonSerializer.Serialize(e.Errors.ToData(), Http.HttpJson.Options)}",
        IOException e => e.Message,
        UnauthorizedAccessException e => e.Message,
        _ => null,
    };
}
