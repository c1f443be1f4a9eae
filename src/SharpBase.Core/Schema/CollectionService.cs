using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SharpBase.Core.Errors;
using SharpBase.Core.Migrations;
using SharpBase.Storage;

namespace SharpBase.Core.Schema;

/// <summary>
/// The collections API's use cases: create, update, delete, import and truncate. Each change alters the real
/// tables in one transaction and writes a migration file so the schema can live in git.
/// </summary>
public sealed partial class CollectionService(
    Database database, SchemaRegistry registry, SchemaApplier applier, CollectionNormalizer normalizer, MigrationDirectory migrations,
    Records.RecordCascade cascade, ILogger<CollectionService> logger)
{
    /// <summary>The collection with this id or name (case-insensitive), or 404.</summary>
    public Collection Get(string idOrName) =>
        registry.Current.Find(idOrName) ?? throw new NotFoundException();

    /// <summary>Creates a collection from client JSON.</summary>
    public async Task<Collection> CreateAsync(JsonObject body, CancellationToken cancellationToken)
    {
        using var _ = await applier.LockAsync(cancellationToken);
        var errors = new ValidationErrors();
        var parsed = CollectionJson.FromJson(body, errors, trusted: false);
        var collection = normalizer.ForCreate(parsed);
        Check(collection, previous: null, registry.Current.With(collection), errors, "Failed to create collection.");
        return (await ApplyAndRecordAsync([new CollectionChange(null, collection)], cancellationToken))[0]!;
    }

    /// <summary>Merges client JSON onto a collection (nested objects key by key, arrays replaced), as PocketBase does.</summary>
    public async Task<Collection> UpdateAsync(string idOrName, JsonObject patch, CancellationToken cancellationToken)
    {
        using var _ = await applier.LockAsync(cancellationToken);
        var previous = Get(idOrName);
        var errors = new ValidationErrors();
        var parsed = MergeOnto(previous, patch, errors);
        var collection = normalizer.ForUpdate(parsed, previous);
        Check(collection, previous, registry.Current.With(collection), errors, "Failed to update collection.", typeChanged: parsed.Type != previous.Type);
        return (await ApplyAndRecordAsync([new CollectionChange(previous, collection)], cancellationToken))[0]!;
    }

    /// <summary>Deletes a collection and its table; refused for system collections and for collections others relate to.</summary>
    public async Task DeleteAsync(string idOrName, CancellationToken cancellationToken)
    {
        using var _ = await applier.LockAsync(cancellationToken);
        var collection = Get(idOrName);
        if (collection.System)
        {
            throw new BadRequestException("System collections cannot be deleted.");
        }

        var referencing = registry.Current.Collections.FirstOrDefault(c =>
            c.Id != collection.Id && c.Fields.OfType<Fields.RelationField>().Any(r => r.CollectionId == collection.Id));
        if (referencing is not null)
        {
            throw new BadRequestException($"The collection is referenced by a relation field of \"{referencing.Name}\"; remove that field first.");
        }

        await ApplyAndRecordAsync([new CollectionChange(collection, null)], cancellationToken);
    }

    private static ValidationError TypeChangeError() => new("validation_collection_type_change", "Collection type cannot be changed.");

    /// <summary>Client JSON merged onto a collection (nested objects key by key, arrays replaced), parsed but not normalized.</summary>
    private static Collection MergeOnto(Collection previous, JsonObject patch, ValidationErrors errors)
    {
        var merged = CollectionJson.ToJson(previous, includeSecrets: true);
        CollectionJson.Merge(merged, patch);
        return CollectionJson.FromJson(merged, errors, trusted: false);
    }

    /// <summary>
    /// Throws the shape errors, or else the validator's. A type change is reported beside the others, as PocketBase
    /// reports it with an existing name; the collection is validated as its stored type, which the normalizer kept.
    /// </summary>
    private static void Check(Collection collection, Collection? previous, SchemaSnapshot target, ValidationErrors shapeErrors, string message,
        bool typeChanged = false)
    {
        var errors = shapeErrors.IsEmpty ? CollectionValidator.Validate(collection, previous, target) : shapeErrors;
        if (typeChanged)
        {
            errors.Add("type", TypeChangeError());
        }

        if (!errors.IsEmpty)
        {
            throw new BadRequestException(message, errors);
        }
    }

    private async Task<IReadOnlyList<Collection?>> ApplyAndRecordAsync(CollectionChange[] changes, CancellationToken cancellationToken)
    {
        var summary = changes.Length == 1 ? changes[0].Summary : "imported_collections";
        var name = migrations.NewName(summary);
        var written = false;
        try
        {
            var result = await applier.ApplyAsync(changes, name, markApplied: true, applied =>
            {
                var losses = applied.SelectMany(c => SchemaPlanner.Plan(c.Before, c.After, database.Dialect).Losses).Select(l => l.Description).ToArray();
                migrations.Write(new MigrationFile(name, applied, losses));
                written = true;
                return Task.CompletedTask;
            }, cancellationToken);
            foreach (var change in changes)
            {
                var collection = change.After ?? change.Before!;
                var action = change.Before is null ? "created" : change.After is null ? "deleted" : "updated";
                LogCollectionChanged(logger, collection.Name, collection.Id, action, name);
            }

            return result;
        }
        catch when (written)
        {
            migrations.Delete(name);
            throw;
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Collection {Name} ({Id}) {Action}; migration {Migration}")]
    private static partial void LogCollectionChanged(ILogger logger, string name, string id, string action, string migration);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Collection {Name} ({Id}) truncated: {Count} records deleted")]
    private static partial void LogCollectionTruncated(ILogger logger, string name, string id, int count);
}
