using SharpBase.Core;

namespace SharpBase.Http.Hosting;

/// <summary>What <c>serve</c> needs beyond the engine's options: where to listen and how much to accept.</summary>
public sealed class ServerOptions
{
    /// <summary>The default request body limit (32 MiB), as PocketBase's.</summary>
    public const long DefaultMaxBodySize = 32L * 1024 * 1024;

    /// <summary>The engine's options (data folder, database, migrations folder).</summary>
    public CoreOptions Core { get; set; } = new();

    /// <summary>The address to listen on, <c>host:port</c>; port 0 picks a free one.</summary>
    public string Http { get; set; } = "127.0.0.1:8090";

    /// <summary>The largest request body accepted; larger bodies get 413.</summary>
    public long MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>Origins allowed by CORS; <c>*</c> allows any, as PocketBase's default.</summary>
    public IReadOnlyList<string> CorsOrigins { get; set; } = ["*"];
}
