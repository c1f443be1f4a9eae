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
    private SharpBaseApp(Database database, CoreOptions options, TimeProvider time, IRandomSource random)
    {
        Database = database;
        Time = time;
        Schema = new SchemaRegistry();
        var normalizer = new CollectionNormalizer(random, time);
        var applier = new SchemaApplier(database, Schema, time);
        Applier = applier;
        Normalizer = normalizer;
        MigrationFiles = new MigrationDirectory(options.ResolvedMigrationsDirectory, time);
        Collections = new CollectionService(database, Schema, applier, normalizer, MigrationFiles);
        Migrations = new MigrationRunner(database, Schema, applier, normalizer, MigrationFiles);
        Settings = new SettingsService(database);
        Records = new RecordStore(database);
        Passwords = new PasswordHasher();
        Tokens = new TokenService(time);
        Auth = new AuthService(Schema, database, Records, Passwords, Tokens, new PasswordRehasher(database, Records, Passwords), random, time);
        Superusers = new SuperuserService(database, Schema, Records, Passwords, random, time);
        RecordService = new RecordService(database, Schema, Records, new RecordValueBinder(random), Passwords, random, time);
        RecordService.CredentialsChanged = (session, record, ct) => Auth.OnCredentialsChangedAsync(session.Connection, session.Transaction!, record, ct);
        Auth.Rules.Evaluator = new RecordRuleEvaluator(RecordService);
        Mail = new MailService(Settings, options.DataDirectory, time);
        AuthFlows = new AuthFlowService(database, Schema, Records, Passwords, Tokens, Auth, Mail, time);
    }

    /// <summary>The database.</summary>
    public Database Database { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The schema in force.</summary>
    public SchemaRegistry Schema { get; }

    /// <summary>Collections use cases.</summary>
    public CollectionService Collections { get; }

    /// <summary>The migrate verbs.</summary>
    public MigrationRunner Migrations { get; }

    /// <summary>The migrations folder.</summary>
    public MigrationDirectory MigrationFiles { get; }

    /// <summary>Settings.</summary>
    public SettingsService Settings { get; }

    /// <summary>Record rows.</summary>
    public RecordStore Records { get; }

    /// <summary>Password hashing.</summary>
    public PasswordHasher Passwords { get; }

    /// <summary>JWTs.</summary>
    public TokenService Tokens { get; }

    /// <summary>Authentication.</summary>
    public AuthService Auth { get; }

    /// <summary>The records API's use cases.</summary>
    public RecordService RecordService { get; }

    /// <summary>The superuser verbs.</summary>
    public SuperuserService Superusers { get; }

    /// <summary>Outgoing mail (SMTP or the outbox folder).</summary>
    public MailService Mail { get; }

    /// <summary>Verification, password reset and email change.</summary>
    public AuthFlowService AuthFlows { get; }

    internal SchemaApplier Applier { get; }

    internal CollectionNormalizer Normalizer { get; }

    /// <summary>
    /// Opens the database, creates the system tables and, on first start, the <c>_superusers</c> and <c>users</c>
    /// collections; then loads the schema and settings. A database that cannot be reached throws
    /// <see cref="DatabaseUnavailableException"/> with one clear line.
    /// </summary>
    public static async Task<SharpBaseApp> OpenAsync(CoreOptions options, TimeProvider? time = null, IRandomSource? random = null,
        CancellationToken cancellationToken = default)
    {
        var database = await DatabaseFactory.OpenAsync(options.DataDirectory, options.PostgresConnectionString, options.SqliteSynchronousFull, cancellationToken);
        try
        {
            var app = new SharpBaseApp(database, options, time ?? TimeProvider.System, random ?? SecureRandomSource.Instance);
            await SystemTables.EnsureCreatedAsync(database, cancellationToken);
            await app.LoadSchemaAsync(cancellationToken);
            await app.CreateSystemCollectionsAsync(cancellationToken);
            await app.Settings.LoadAsync(cancellationToken);
            return app;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Re-reads every collection from the database and swaps the snapshot (another node changed the schema).</summary>
    public async Task LoadSchemaAsync(CancellationToken cancellationToken)
    {
        var stored = await Database.ReadAsync((connection, ct) => CollectionTable.LoadAllAsync(connection, Database.Dialect, ct), cancellationToken);
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
        var missing = new List<Collection>();
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

        var changes = missing.Select(c => new CollectionChange(null, Normalizer.ForCreate(c, addTimestamps: false) with { System = c.System })).ToArray();
        await Applier.ApplyAsync(changes, migrationName: null, markApplied: true, beforeCommit: null, cancellationToken);
    }

    /// <summary>Routes the engine's own logs (auth events, mail) to <paramref name="loggerFactory"/>.</summary>
    public void UseLogging(Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Auth.Logger = loggerFactory.CreateLogger("SharpBase.Auth");
        Mail.Logger = loggerFactory.CreateLogger("SharpBase.Mail");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Mail.DisposeAsync();
        Applier.Dispose();
        await Database.DisposeAsync();
    }
}
