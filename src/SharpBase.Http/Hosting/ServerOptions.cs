using SharpBase.Core;

namespace SharpBase.Http.Hosting;

/// <summary>What <c>serve</c> needs beyond the engine's options: where to listen and how much to accept.</summary>
public sealed class ServerOptions
{
    /// <summary>The default request body limit (32 MiB), as PocketBase's.</summary>
    public const long DefaultMaxBodySize = 32L * 1024 * 1024;

    /// <summary>The engine's options (data folder, database, migrations folder).</summary>
    /// <remarks>Bound separately from the same configuration keys (<c>Dir</c>, <c>Db</c>, ...); set here only to build a configuration.</remarks>
    [Microsoft.Extensions.Configuration.ConfigurationKeyName("__engine")]
    public CoreOptions Core { get; set; } = new();

    /// <summary>The address to listen on, <c>host:port</c>; port 0 picks a free one.</summary>
    public string Http { get; set; } = "127.0.0.1:8090";

    /// <summary>The largest request body accepted; larger bodies get 413.</summary>
    public long MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>
    /// Origins allowed by CORS; none listed (the default) or <c>*</c> allows any, as PocketBase does. The default is empty,
    /// not <c>["*"]</c>, because the configuration binder appends configured items to an array's default.
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>True when CORS allows every origin.</summary>
    public bool AllowsAnyOrigin => CorsOrigins.Length == 0 || CorsOrigins.Contains("*");

    /// <summary>The configuration keys these options stand for, engine options included.</summary>
    public Dictionary<string, string?> ToConfiguration()
    {
        var keys = SharpBaseApp.ToConfiguration(Core);
        keys["Http"] = Http;
        keys["MaxBodySize"] = MaxBodySize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < CorsOrigins.Length; i++)
        {
            keys["CorsOrigins:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = CorsOrigins[i];
        }

        return keys;
    }
}
