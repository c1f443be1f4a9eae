using System.Data.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Migrations;

/// <summary>
/// Applies collection changes in one write transaction: the DDL, the rows of <c>_collections</c>, and the
/// <c>_migrations</c> bookkeeping; then swaps the schema snapshot. Both the collections API and
/// <c>migrate</c> go through here, so they cannot disagree.
/// </summary>
public sealed class SchemaApplier(Database database, SchemaRegistry registry, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Serializes schema changes on this node; hold it from reading the current schema to the swap.</summary>
    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Releaser(_gate);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>What a set of changes would lose, with the affected row counts.</summary>
    public async Task<IReadOnlyList<(DataLoss Loss, long Rows)>> DescribeLossesAsync(IEnumerable<CollectionChange> changes, CancellationToken cancellationToken)
    {
        var losses = changes.SelectMany(c => SchemaPlanner.Plan(c.Before, c.After, database.Dialect).Losses).ToList();
        return await database.ReadAsync(async (session, ct) =>
        {
            var result = new List<(DataLoss, long)>();
            foreach (var loss in losses)
            {
                var exists = await TableIntrospection.TableExistsAsync(session, loss.Table, ct);
                result.Add((loss, exists ? await TableIntrospection.CountRowsAsync(session, loss.Table, ct) : 0));
            }

            return (IReadOnlyList<(DataLoss, long)>)result;
        }, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="changes"/> (each from the stored version to the target) and records the migration:
    /// <paramref name="markApplied"/> adds it to <c>_migrations</c>, otherwise it is removed (a revert); a null
    /// <paramref name="migrationName"/> records nothing (the built-in system collections).
    /// Returns the saved collections (views with their inferred fields), null for deletions.
    /// </summary>
    public async Task<IReadOnlyList<Collection?>> ApplyAsync(IReadOnlyList<CollectionChange> changes, string? migrationName, bool markApplied,
        Func<IReadOnlyList<CollectionChange>, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        IReadOnlyList<Collection?> saved;
        try
        {
            saved = await database.WriteAsync(async (session, ct) =>
            {
                // Serializes schema changes across nodes sharing one PostgreSQL (SQLite already has a single writer).
                if (dialect.AdvisoryTransactionLock(SystemTables.SchemaLockKey) is { } lockStatement)
                {
                    await using var lockCommand = session.Command(lockStatement);
                    await lockCommand.ExecuteNonQueryAsync(ct);
                }

                var results = new List<Collection?>();
                foreach (var change in changes)
                {
                    // A view's query is described before the view is made: its columns give the fields and say whether the id needs a cast.
                    var columns = change.After is { Type: CollectionType.View } view ? await DescribeViewQueryAsync(session, view, ct) : null;
                    var viewSelect = columns is null ? null : ViewSelect(dialect, change.After!, columns);
                    if (change is { After: null, Before.Type: CollectionType.Auth })
                    {
                        // As PocketBase does: the MFA, OTP, linked-account and origin rows of a deleted auth collection go with it.
                        await AuthRecordReferences.DeleteOfCollectionAsync(session, registry.Current, change.Before.Id, ct);
                    }

                    foreach (var statement in SchemaPlanner.Plan(change.Before, change.After, dialect, viewSelect).Statements)
                    {
                        await using var command = session.Command(statement);
                        await command.ExecuteNonQueryAsync(ct);
                    }

                    var after = columns is null ? change.After : change.After! with { Fields = ViewFields.From(columns, change.After!, change.Before) };
                    await SaveRowAsync(session, change.Before, after, ct);
                    results.Add(after);
                }

                await CheckUnchangedViewsAsync(session, changes, ct);
                if (migrationName is null)
                {
                }
                else if (markApplied)
                {
                    await MigrationTable.MarkAppliedAsync(session, migrationName, time.GetUtcNow(), ct);
                }
                else
                {
                    await MigrationTable.UnmarkAsync(session, migrationName, ct);
                }

                if (beforeCommit is not null)
                {
                    await beforeCommit(changes.Zip(results, (c, r) => c with { After = r }).ToArray());
                }

                return (IReadOnlyList<Collection?>)results;
            }, cancellationToken);
        }
        catch (DbException exception) when (dialect.Classify(exception) != DbErrorKind.Other)
        {
            throw Translate(dialect.Classify(exception), changes);
        }

        var snapshot = registry.Current;
        foreach (var (change, after) in changes.Zip(saved))
        {
            snapshot = after is null ? snapshot.Without(change.Before!.Id) : snapshot.With(after);
        }

        registry.Swap(snapshot);
        return saved;
    }

    private static async Task SaveRowAsync(DbSession session, Collection? before, Collection? after, CancellationToken cancellationToken)
    {
        if (after is null)
        {
            await CollectionTable.DeleteAsync(session, before!.Id, cancellationToken);
            return;
        }

        var json = CollectionJson.ToJson(after, includeSecrets: true).ToJsonString(CollectionJson.Options);
        await CollectionTable.UpsertAsync(session, new StoredCollection(after.Id, after.Name, json), cancellationToken);
    }

    /// <summary>
    /// Every view the changes left alone must still run: SQLite drops a table a view reads without a word, and a view that
    /// fails later would fail every read of it. PocketBase refuses such a change the same way, re-saving the views.
    /// </summary>
    private async Task CheckUnchangedViewsAsync(DbSession session, IReadOnlyList<CollectionChange> changes, CancellationToken cancellationToken)
    {
        var touched = changes.Select(c => (c.Before ?? c.After)!.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var view in registry.Current.Collections.Where(c => c.Type == CollectionType.View && !touched.Contains(c.Id)))
        {
            try
            {
                await TableIntrospection.DescribeQueryAsync(session, ViewQuery.Normalize(view.ViewQuery), cancellationToken);
            }
            catch (DbException exception) when (database.Dialect.Classify(exception) is DbErrorKind.InvalidSql or DbErrorKind.DependentObject)
            {
                throw DependentViewError(view.Name);
            }
        }
    }

    private static BadRequestException DependentViewError(string? viewName) =>
        new((viewName is null ? "A view collection" : $"The view collection \"{viewName}\"") +
            " reads what this change removes or alters; change or delete the view first.");

    private static string ViewSelect(SqlDialect dialect, Collection view, IReadOnlyList<QueryColumn> columns)
    {
        var query = ViewQuery.Normalize(view.ViewQuery);
        return columns.First(c => c.Name == "id").IsDeclaredText
            ? query
            : dialect.SelectWithTextId(query, columns.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    private static async Task<IReadOnlyList<QueryColumn>> DescribeViewQueryAsync(DbSession session, Collection view, CancellationToken cancellationToken)
    {
        var columns = await TableIntrospection.DescribeQueryAsync(session, ViewQuery.Normalize(view.ViewQuery), cancellationToken);
        if (!columns.Any(c => c.Name == "id"))
        {
            throw new BadRequestException("Failed to save the view collection.",
                new ValidationErrors().Add("viewQuery", new ValidationError("validation_missing_id_column", "The query must return an \"id\" column.")));
        }

        var badColumn = columns.FirstOrDefault(c => !CollectionValidator.WordPattern().IsMatch(c.Name));
        if (badColumn is not null)
        {
            throw new BadRequestException("Failed to save the view collection.",
                new ValidationErrors().Add("viewQuery", new ValidationError("validation_invalid_view_column",
                    "Every column needs a name of letters, digits and underscores; give expressions an alias (AS name).")));
        }

        return columns;
    }

    private static BadRequestException Translate(DbErrorKind kind, IReadOnlyList<CollectionChange> changes)
    {
        var errors = new ValidationErrors();
        if (kind == DbErrorKind.DependentObject)
        {
            return DependentViewError(null);
        }

        if (kind == DbErrorKind.InvalidSql && changes.Any(c => c.After?.Type == CollectionType.View))
        {
            errors.Add("viewQuery", new ValidationError("validation_invalid_view_query", "The query is invalid or refers to something that does not exist."));
        }
        else if (kind == DbErrorKind.UniqueViolation)
        {
            errors.Add("indexes", new ValidationError("validation_not_unique", "A unique index cannot be created because existing records have duplicate values."));
        }

        return new BadRequestException(
            errors.IsEmpty ? "The database refused the schema change; another collection or view may depend on what is being changed." : "Failed to apply the schema change.",
            errors);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
