using System.Collections;
using System.CommandLine;
using Microsoft.Extensions.Configuration;
using SharpBase.Http.Hosting;

namespace SharpBase.Cli;

/// <summary>
/// Builds the server options from, in rising precedence: defaults, <c>appsettings.json</c> (section <c>SharpBase</c>)
/// in the working folder, <c>SHARPBASE_*</c> environment variables, and flags.
/// </summary>
internal static class ConfigLoader
{
    public const string EnvironmentPrefix = "SHARPBASE_";

    public static ServerOptions Load(ParseResult parse, Option<string?>? http = null)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddInMemoryCollection(EnvironmentSettings())
            .Build()
            .GetSection("SharpBase");

        var options = new ServerOptions();
        options.Core.DataDirectory = parse.GetValue(CommonOptions.Dir) ?? config["Dir"] ?? options.Core.DataDirectory;
        options.Core.PostgresConnectionString = NullIfEmpty(parse.GetValue(CommonOptions.Db) ?? config["Db"]);
        options.Core.MigrationsDirectory = NullIfEmpty(parse.GetValue(CommonOptions.MigrationsDir) ?? config["MigrationsDir"]);
        options.Core.SqliteSynchronousFull = config.GetValue("SqliteSynchronousFull", false);
        options.Http = (http is null ? null : parse.GetValue(http)) ?? config["Http"] ?? options.Http;
        options.MaxBodySize = config.GetValue("MaxBodySize", ServerOptions.DefaultMaxBodySize);
        if (config.GetSection("CorsOrigins").Get<string[]>() is { Length: > 0 } origins)
        {
            options.CorsOrigins = origins;
        }

        if (options.MaxBodySize <= 0)
        {
            throw new ArgumentException("MaxBodySize must be a positive number of bytes");
        }

        return options;
    }

    private static Dictionary<string, string?> EnvironmentSettings()
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && key.Length > EnvironmentPrefix.Length)
            {
                result["SharpBase:" + key[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
            }
        }

        return result;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
