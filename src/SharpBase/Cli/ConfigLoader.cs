using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace SharpBase.Cli;

/// <summary>
/// The configuration every verb builds its container from, with the standard providers in rising precedence:
/// <c>appsettings.json</c> in the working folder (its <c>SharpBase</c> section), <c>SHARPBASE_*</c> environment variables
/// (<c>__</c> separates sections, e.g. <c>SHARPBASE_LOGINTHROTTLE__MAXDELAY</c>), and the flags given.
/// </summary>
internal static class ConfigLoader
{
    public const string EnvironmentPrefix = "SHARPBASE_";

    public static IConfiguration Load(ParseResult parse, Option<string?>? http = null)
    {
        var file = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .Build();
        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        AddFlag(flags, "Dir", parse.GetValue(CommonOptions.Dir));
        AddFlag(flags, "Db", parse.GetValue(CommonOptions.Db));
        AddFlag(flags, "MigrationsDir", parse.GetValue(CommonOptions.MigrationsDir));
        if (http is not null)
        {
            AddFlag(flags, "Http", parse.GetValue(http));
        }

        // The file's SharpBase section becomes the root, so file, variables and flags all use the same keys (Dir, Db, ...).
        return new ConfigurationBuilder()
            .AddConfiguration(file.GetSection("SharpBase"))
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(flags)
            .Build();
    }

    private static void AddFlag(Dictionary<string, string?> flags, string key, string? value)
    {
        if (value is not null)
        {
            flags[key] = value;
        }
    }
}
