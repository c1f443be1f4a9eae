using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core.Migrations;

/// <summary>
/// <c>migrate up|down|status|collections</c>: applies and reverts migration files on this database. Each migration
/// moves the stored collections to the file's target state through <see cref="SchemaApplier"/>; a destructive one
/// is refused unless allowed, after printing what it would lose.
/// </summary>
public sealed partial class MigrationRunner(
    Database database, SchemaRegistry registry, SchemaApplier applier, CollectionNormalizer normalizer, MigrationDirectory directory,
    ILogger<MigrationRunner> logger)
{
    /// <summary>Applies every pending migration in name order. Returns false when one was refused.</summary>
    public async Task<bool> UpAsync(bool allowDestructive, TextWriter output, CancellationToken cancellationToken)
    {
        var applied = (await AppliedAsync(cancellationToken)).Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        var pending = directory.List().Where(f => !applied.Contains(f)).ToList();
        if (pending.Count == 0)
        {
            await output.WriteLineAsync("No new migrations to apply.");
            return true;
        }

        foreach (var name in pending)
        {
            var started = Stopwatch.GetTimestamp();
            var migration = directory.Read(name);
            if (!await RunAsync(name, migration.Changes.Select(c => (Key: c.After ?? c.Before!, Target: c.After)), markApplied: true, allowDestructive, output, cancellationToken))
            {
                LogRefused(logger, name, "apply");
                return false;
            }

            LogMigrated(logger, name, "applied", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await output.WriteLineAsync($"Applied {name}");
        }

        return true;
    }

    /// <summary>Reverts the last <paramref name="count"/> applied migrations, newest first.</summary>
    public async Task<bool> DownAsync(int count, bool allowDestructive, TextWriter output, CancellationToken cancellationToken)
    {
        var applied = (await AppliedAsync(cancellationToken)).Select(a => a.File).Reverse().Take(count).ToList();
        if (applied.Count == 0)
        {
            await output.WriteLineAsync("No applied migrations to revert.");
            return true;
        }

        foreach (var name in applied)
        {
            if (!directory.List().Contains(name, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{name} is recorded as applied but its file is missing from {directory.Path}.");
            }

            var migration = directory.Read(name);
            var targets = migration.Changes.Reverse().Select(c => (Key: c.Before ?? c.After!, Target: c.Before));
            var started = Stopwatch.GetTimestamp();
            if (!await RunAsync(name, targets, markApplied: false, allowDestructive, output, cancellationToken))
            {
                LogRefused(logger, name, "revert");
                return false;
            }

            LogMigrated(logger, name, "reverted", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await output.WriteLineAsync($"Reverted {name}");
        }

        return true;
    }

    /// <summary>Prints each migration file with its state.</summary>
    public async Task StatusAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var applied = (await AppliedAsync(cancellationToken)).ToDictionary(a => a.File, a => a.Applied, StringComparer.Ordinal);
        var files = directory.List();
        if (files.Count == 0 && applied.Count == 0)
        {
            await output.WriteLineAsync($"No migrations in {directory.Path}.");
        }

        foreach (var name in files.Union(applied.Keys).Order(StringComparer.Ordinal))
        {
            var state = applied.TryGetValue(name, out var when) ? $"applied {Common.DateTimeText.Format(when)}" : "pending";
            var missing = files.Contains(name, StringComparer.Ordinal) ? "" : "  (file missing)";
            await output.WriteLineAsync($"{state,-34} {name}{missing}");
        }
    }

    /// <summary>Writes a migration that recreates every current collection, marked as applied here.</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken)
    {
        using var _ = await applier.LockAsync(cancellationToken);
        var collections = registry.Current.Collections;
        var name = directory.NewName("collections_snapshot");
        directory.Write(new MigrationFile(name, collections.Select(c => new CollectionChange(null, c)).ToArray(), []));
        await applier.ApplyAsync(collections.Select(c => new CollectionChange(c, c)).ToArray(), name, markApplied: true, null, cancellationToken);
        return name;
    }

    private async Task<bool> RunAsync(string name, IEnumerable<(Collection Key, Collection? Target)> targets, bool markApplied, bool allowDestructive,
        TextWriter output, CancellationToken cancellationToken)
    {
        using var _ = await applier.LockAsync(cancellationToken);
        var changes = Resolve(name, targets);
        var losses = await applier.DescribeLossesAsync(changes, cancellationToken);
        if (losses.Count > 0)
        {
            await output.WriteLineAsync($"{name} {(allowDestructive ? "destroys" : "would destroy")} data:");
            foreach (var (loss, rows) in losses)
            {
                await output.WriteLineAsync($"  - {loss.Description} ({rows} {(rows == 1 ? "row" : "rows")})");
            }

            if (!allowDestructive)
            {
                await output.WriteLineAsync("Nothing was changed. Run again with --allow-destructive to apply it.");
                return false;
            }
        }

        await applier.ApplyAsync(changes, name, markApplied, null, cancellationToken);
        return true;
    }

    private CollectionChange[] Resolve(string name, IEnumerable<(Collection Key, Collection? Target)> targets)
    {
        var snapshot = registry.Current;
        var changes = new List<CollectionChange>();
        foreach (var (key, target) in targets)
        {
            var current = snapshot.Find(key.Id) ?? snapshot.Find(key.Name);
            if (target is null)
            {
                if (current is not null)
                {
                    changes.Add(new CollectionChange(current, null));
                    snapshot = snapshot.Without(current.Id);
                }

                continue;
            }

            var next = current is null ? normalizer.ForCreate(target) with { System = target.System }
                                       : normalizer.ForUpdate(target, current);
            var errors = CollectionValidator.Validate(next, current, snapshot.With(next));
            if (!errors.IsEmpty)
            {
                throw new InvalidDataException($"{name}: collection \"{next.Name}\" is not valid here: {Describe(errors)}");
            }

            changes.Add(new CollectionChange(current, next));
            snapshot = snapshot.With(next);
        }

        return [.. changes];
    }

    private static string Describe(ValidationErrors errors) =>
        System.Text.Json.JsonSerializer.Serialize(errors.ToData(), CollectionJson.Options);

    private Task<IReadOnlyList<AppliedMigration>> AppliedAsync(CancellationToken cancellationToken) =>
        database.ReadAsync((session, ct) => MigrationTable.ListAppliedAsync(session, ct), cancellationToken);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Migration {Name} {Action} in {ElapsedMs:0.0} ms")]
    private static partial void LogMigrated(ILogger logger, string name, string action, double elapsedMs);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Migration {Name}: refused to {Action} a destructive change (pass --allow-destructive to run it)")]
    private static partial void LogRefused(ILogger logger, string name, string action);
}
