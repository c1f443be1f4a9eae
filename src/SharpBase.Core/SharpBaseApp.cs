using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using SharpBase.Core.Auth;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Mail;
using SharpBase.Core.Migrations;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Core.Settings;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core;

/// <summary>
/// The engine without HTTP: one database, the schema snapshot, settings and the services over them. The server
/// and the CLI verbs (superuser, migrate) both open it, so they share every rule.
/// </summary>
public sealed class SharpBaseApp : IAsyncDisposable
{
    private readonly ServiceProvider? _ownedProvider;

    /// <summary>The engine over a built container (the container calls this; use <see cref="OpenAsync(CoreOptions, TimeProvider?, IRandomSource?, CancellationToken)"/> or the host).</summary>
    public SharpBaseApp(IServiceProvider services) : this(services, null)
    {
    }

    private SharpBaseApp(IServiceProvider services, ServiceProvider? owned)
    {
        Services = services;
        _ownedProvider = owned;
    }

    /// <summary>The container every service comes from.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The database.</summary>
    public Database Database => Services.GetRequiredService<Database>();

    /// <summary>The clock.</summary>
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    /// <summary>The schema in force.</summary>
    public SchemaRegistry Schema => Services.GetRequiredService<SchemaRegistry>();

    /// <summary>Collections use cases.</summary>
    public CollectionService Collections => Services.GetRequiredService<CollectionService>();

    /// <summary>The migrate verbs.</summary>
    public MigrationRunner Migrations => Services.GetRequiredService<MigrationRunner>();

    /// <summary>The <c>import pocketbase</c> verb.</summary>
    public Import.PocketBaseImporter PocketBaseImport => Services.GetRequiredService<Import.PocketBaseImporter>();

    /// <summary>The migrations folder.</summary>
    public MigrationDirectory MigrationFiles => Services.GetRequiredService<MigrationDirectory>();

    /// <summary>Settings.</summary>
    public SettingsService Settings => Services.GetRequiredService<SettingsService>();

    /// <summary>Record rows.</summary>
    public RecordStore Records => Services.GetRequiredService<RecordStore>();

    /// <summary>Password hashing.</summary>
    public PasswordHasher Passwords => Services.GetRequiredService<PasswordHasher>();

    /// <summary>JWTs.</summary>
    public TokenService Tokens => Services.GetRequiredService<TokenService>();

    /// <summary>Authentication.</summary>
    public AuthService Auth => Services.GetRequiredService<AuthService>();

    /// <summary>The records API's use cases.</summary>
    public RecordService RecordService => Services.GetRequiredService<RecordService>();

    /// <summary>The superuser verbs.</summary>
    public SuperuserService Superusers => Services.GetRequiredService<SuperuserService>();

    /// <summary>Outgoing mail (SMTP or the outbox folder).</summary>
    public MailService Mail => Services.GetRequiredService<MailService>();

    /// <summary>Verification, password reset and email change.</summary>
    public AuthFlowService AuthFlows => Services.GetRequiredService<AuthFlowService>();

    private SchemaApplier Applier => Services.GetRequiredService<SchemaApplier>();

    private CollectionNormalizer Normalizer => Services.GetRequiredService<CollectionNormalizer>();

    /// <summary>The configuration keys <paramref name="options"/> stands for (for a container built from an options object).</summary>
    public static Dictionary<string, string?> ToConfiguration(CoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Dir"] = options.DataDirectory,
            ["Db"] = options.PostgresConnectionString,
            ["MigrationsDir"] = options.MigrationsDirectory,
            ["SqliteSynchronousFull"] = options.SqliteSynchronousFull ? "true" : "false",
            ["DbMaxConnections"] = options.DbMaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DbIdleLifetime"] = options.DbIdleLifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Builds the engine's container from <paramref name="options"/> and opens it (see <see cref="InitializeAsync"/>).</summary>
    public static Task<SharpBaseApp> OpenAsync(CoreOptions options, TimeProvider? time = null, IRandomSource? random = null,
        CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ToConfiguration(options)).Build();
        return OpenAsync(configuration, services =>
        {
            if (time is not null)
            {
                services.TryAddSingleton(time);
            }

            if (random is not null)
            {
                services.TryAddSingleton(random);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Builds the engine's container over <paramref name="configuration"/> (the CLI verbs pass theirs), with
    /// <paramref name="configure"/> registering replacements first, validates the options and opens the engine.
    /// </summary>
    public static async Task<SharpBaseApp> OpenAsync(IConfiguration configuration, Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        configure?.Invoke(services);
        services.AddSharpBaseCore();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var app = new SharpBaseApp(provider, provider);
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            await app.InitializeAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Checks that the database answers, creates the system tables and the system collections that are missing
    /// (<c>_mfas</c>, <c>_otps</c>, <c>_externalAuths</c>, <c>_authOrigins</c>, <c>_superusers</c>; on first start also
    /// <c>users</c>); then loads the schema and settings. A database that cannot be reached throws
    /// <see cref="DatabaseUnavailableException"/> with one clear line.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await DatabaseFactory.EnsureAvailableAsync(Database, cancellationToken);
        await SystemTables.EnsureCreatedAsync(Database, cancellationToken);
        await LoadSchemaAsync(cancellationToken);
        await CreateSystemCollectionsAsync(cancellationToken);
        await Settings.LoadAsync(cancellationToken);
    }

    /// <summary>Re-reads every collection from the database and swaps the snapshot (another node changed the schema).</summary>
    public async Task LoadSchemaAsync(CancellationToken cancellationToken)
    {
        var stored = await Database.ReadAsync((session, ct) => CollectionTable.LoadAllAsync(session, ct), cancellationToken);
        var collections = stored.Select(row =>
        {
            var errors = new ValidationErrors();
            var collection = CollectionJson.FromJson(JsonNode.Parse(row.Json)!.AsObject(), errors, trusted: true);
            return errors.IsEmpty ? collection : throw new InvalidDataException($"The stored collection \"{row.Name}\" is malformed: {System.Text.Json.JsonSerializer.Serialize(errors.ToData(), CollectionJson.Options)}");
        });
        Schema.Swap(new SchemaSnapshot(collections));
    }

    private async Task CreateSystemCollectionsAsync(CancellationToken cancellationToken)
    {
        using var _ = await Applier.LockAsync(cancellationToken);
        var current = Schema.Current;
        // An existing database gains the auxiliary collections it lacks (added in a later release); a user collection that
        // already has one of their names keeps it, so a start never fails on a name clash.
        var missing = SystemCollections.Auxiliary().Where(c => current.Find(c.Id) is null && current.Find(c.Name) is null).ToList();
        if (current.Find(SystemCollections.SuperusersId) is null)
        {
            missing.Add(SystemCollections.Superusers());
        }

        if (current.Collections.Count == 0)
        {
            missing.Add(SystemCollections.Users());
        }

        if (missing.Count == 0)
        {
            return;
        }

        var changes = missing.Select(c => new CollectionChange(null, Normalizer.ForCreate(c) with { System = c.System })).ToArray();
        await Applier.ApplyAsync(changes, migrationName: null, markApplied: true, beforeCommit: null, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The container owns the services (mail worker, schema lock, database) and disposes them; a host disposes its own.
        if (_ownedProvider is not null)
        {
            await _ownedProvider.DisposeAsync();
        }
    }
}
