using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharpBase.Core.Auth;
using SharpBase.Core.Common;
using SharpBase.Core.Mail;
using SharpBase.Core.Migrations;
using SharpBase.Core.Records;
using SharpBase.Core.Records.Hooks;
using SharpBase.Core.Schema;
using SharpBase.Core.Settings;
using SharpBase.Storage;

namespace SharpBase.Core;

/// <summary>
/// The composition root of the engine: one registration method per module, each with <c>TryAdd</c> so a module added
/// before it (Redis, S3, functions, a test) replaces a service by registering it first. Options are bound from the
/// configuration root (<c>Dir</c>, <c>Db</c>, ...; sections <c>LoginThrottle</c> and <c>Sessions</c>) and validated at start.
/// The server, the CLI verbs and the tests all build their container with <see cref="AddSharpBaseCore"/>.
/// </summary>
public static partial class SharpBaseServices
{
    /// <summary>The largest <see cref="CoreOptions.DbMaxConnections"/> accepted.</summary>
    public const int MaxDbConnections = 1000;

    /// <summary>Every engine module.</summary>
    public static IServiceCollection AddSharpBaseCore(this IServiceCollection services) =>
        services.AddSharpBaseStorage().AddSharpBaseSchema().AddSharpBaseSettings().AddSharpBaseMail().AddSharpBaseRecords().AddSharpBaseAuth();

    /// <summary>Clock, randomness, <see cref="CoreOptions"/> and the <see cref="Database"/> they name.</summary>
    public static IServiceCollection AddSharpBaseStorage(this IServiceCollection services)
    {
        services.AddOptions<CoreOptions>().Configure<IConfiguration>((options, configuration) => configuration.Bind(options))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Dir (the data folder) must not be empty")
            .Validate(o => o.DbMaxConnections is >= 0 and <= MaxDbConnections, $"DbMaxConnections must be between 0 (automatic) and {MaxDbConnections}")
            .Validate(o => o.DbIdleLifetime >= TimeSpan.Zero && o.DbIdleLifetime <= TimeSpan.FromDays(1), "DbIdleLifetime must be between 00:00:00 (automatic) and 1.00:00:00")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRandomSource>(SecureRandomSource.Instance);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CoreOptions>>().Value;
            var database = DatabaseFactory.Create(options.DataDirectory, options.PostgresConnectionString, options.SqliteSynchronousFull, options.PostgresPool);
            var logger = provider.GetRequiredService<ILogger<Database>>();
            database.CommittedCallbackFailed = exception => LogCommittedCallbackFailed(logger, exception);
            return database;
        });
        return services;
    }

    /// <summary>The schema registry, collections use cases and migrations.</summary>
    public static IServiceCollection AddSharpBaseSchema(this IServiceCollection services)
    {
        services.TryAddSingleton<SchemaRegistry>();
        services.TryAddSingleton<CollectionNormalizer>();
        services.TryAddSingleton<SchemaApplier>();
        services.TryAddSingleton(provider => new MigrationDirectory(
            provider.GetRequiredService<IOptions<CoreOptions>>().Value.ResolvedMigrationsDirectory, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CollectionService>();
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<Import.PocketBaseImporter>();
        return services;
    }

    /// <summary>Runtime settings stored in the database.</summary>
    public static IServiceCollection AddSharpBaseSettings(this IServiceCollection services)
    {
        services.TryAddSingleton<SettingsService>();
        return services;
    }

    /// <summary>Outgoing mail (SMTP, or the outbox folder under the data folder).</summary>
    public static IServiceCollection AddSharpBaseMail(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new MailService(provider.GetRequiredService<SettingsService>(),
            provider.GetRequiredService<IOptions<CoreOptions>>().Value.DataDirectory, provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<MailService>>()));
        return services;
    }

    /// <summary>The records use cases, their parts, and the record hook pipeline.</summary>
    public static IServiceCollection AddSharpBaseRecords(this IServiceCollection services)
    {
        services.TryAddSingleton<RecordStore>();
        services.TryAddSingleton<RecordValueBinder>();
        services.TryAddSingleton<RecordFinder>();
        services.TryAddSingleton<RecordExpander>();
        services.TryAddSingleton<RecordValidator>();
        services.TryAddSingleton<RecordHooks>();
        services.TryAddSingleton<RecordCascade>();
        services.TryAddSingleton<AuthRecordIds>();
        services.TryAddSingleton<RecordWriter>();
        services.TryAddSingleton<RecordService>();
        services.TryAddSingleton<IAuthRuleEvaluator, RecordRuleEvaluator>();
        return services;
    }

    /// <summary>Passwords, tokens, sign-in throttling, sessions, account flows and superusers; the credentials-changed hook.</summary>
    public static IServiceCollection AddSharpBaseAuth(this IServiceCollection services)
    {
        services.AddOptions<LoginThrottleOptions>().BindConfiguration("LoginThrottle")
            .Validate(o => o.FreeFailuresPerAccount >= 0 && o.FreeFailuresPerIp >= 0 && o.MaxEntries > 0, "LoginThrottle counts must not be negative")
            .Validate(o => o.BaseDelay > TimeSpan.Zero && o.MaxDelay >= o.BaseDelay && o.ForgetAfter > TimeSpan.Zero,
                "LoginThrottle delays must be positive, with MaxDelay at least BaseDelay")
            .ValidateOnStart();
        services.AddOptions<SessionOptions>().BindConfiguration("Sessions")
            .Validate(o => o.RefreshTokenLifetime > TimeSpan.Zero, "Sessions:RefreshTokenLifetime must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<PasswordHasher>();
        services.TryAddSingleton<TokenService>();
        services.TryAddSingleton<PasswordRehasher>();
        services.TryAddSingleton(provider => new LoginThrottle(provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<LoginThrottleOptions>>().Value));
        services.TryAddSingleton(provider => new SessionService(provider.GetRequiredService<Database>(), provider.GetRequiredService<RecordStore>(),
            provider.GetRequiredService<IRandomSource>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IOptions<SessionOptions>>().Value));
        services.TryAddSingleton<AuthRuleGate>();
        services.TryAddSingleton<MfaService>();
        services.TryAddSingleton<AuthService>();
        services.TryAddSingleton<AuthFlowService>();
        services.TryAddSingleton<SuperuserService>();
        services.AddRecordHook<CredentialsChangedHook>();
        return services;
    }

    /// <summary>Adds a record hook (once per type); hooks run in the order they were added.</summary>
    public static IServiceCollection AddRecordHook<THook>(this IServiceCollection services)
        where THook : class, IRecordHook
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordHook, THook>());
        return services;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "An after-commit callback failed; the write itself was committed")]
    private static partial void LogCommittedCallbackFailed(ILogger logger, Exception exception);
}
