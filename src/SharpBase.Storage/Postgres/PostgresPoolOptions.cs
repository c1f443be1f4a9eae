namespace SharpBase.Storage.Postgres;

/// <summary>
/// How many PostgreSQL connections one node keeps. Npgsql's own defaults (100 connections, idle ones closed after
/// 5 minutes) let one node take every slot of PostgreSQL's default <c>max_connections</c> (also 100) after a burst, so a
/// second node or a <c>psql</c> is then refused. A web node needs a few connections per core: requests beyond the pool
/// wait for a free one (up to the connection string's <c>Timeout</c>) and are then answered 503.
/// </summary>
public sealed record PostgresPoolOptions
{
    /// <summary>The pool size when none is configured: four per core, at least 8 and at most 64.</summary>
    public static int DefaultMaxConnections => Math.Clamp(4 * Environment.ProcessorCount, 8, 64);

    /// <summary>How long an unused connection stays open when nothing else is configured.</summary>
    public static readonly TimeSpan DefaultIdleLifetime = TimeSpan.FromSeconds(30);

    /// <summary>The most connections open at once; 0 means <see cref="DefaultMaxConnections"/>.</summary>
    public int MaxConnections { get; init; }

    /// <summary>How long an unused connection above the minimum stays open; zero means <see cref="DefaultIdleLifetime"/>.</summary>
    public TimeSpan IdleLifetime { get; init; }

    /// <summary>The size in force.</summary>
    public int EffectiveMaxConnections => MaxConnections > 0 ? MaxConnections : DefaultMaxConnections;

    /// <summary>The idle lifetime in force, in whole seconds (Npgsql's unit), at least one.</summary>
    public int EffectiveIdleLifetimeSeconds => Math.Max(1, (int)Math.Ceiling((IdleLifetime > TimeSpan.Zero ? IdleLifetime : DefaultIdleLifetime).TotalSeconds));
}
