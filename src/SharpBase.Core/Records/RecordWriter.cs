using System.Data.Common;
using System.Text.Json.Nodes;
using SharpBase.Core.Auth;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Records.Hooks;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Records;

/// <summary>
/// Creates, updates and deletes records on an open write session under PocketBase's rule outcomes (a null rule is
/// superusers-only, a failing create rule answers 400, failing update and delete rules 404), with validation and the record
/// hooks around every write. The records API and batch both write through here.
/// </summary>
public sealed class RecordWriter(
    RecordFinder finder, RecordValueBinder binder, RecordValidator validator, RecordCascade cascade, RecordHooks hooks, RecordStore store,
    AuthRecordIds authIds, PasswordHasher hasher, IRandomSource random, TimeProvider time)
{
    private const string CreateFailed = "Failed to create record.";
    private const string UpdateFailed = "Failed to update record.";

    /// <summary>Creates a record; 403 for a null create rule, 400 when validation or the create rule fails.</summary>
    public async Task<RecordRow> CreateAsync(DbSession session, SchemaSnapshot schema, Collection collection, RecordInput input, RequestInfo info,
        CancellationToken cancellationToken)
    {
        RequireWritable(collection);
        RecordFinder.RequireRule(collection.CreateRule, info);
        var bound = binder.Bind(collection, input.Values, current: null, info.IsSuperuser);
        var now = Now();
        foreach (var field in collection.Fields)
        {
            if (field is TextField { AutogeneratePattern.Length: > 0 } text && bound.Values[field.Name] is "" or null)
            {
                bound.Values[field.Name] = text.Autogenerate(random);
            }
            else if (field is AutodateField { OnCreate: true })
            {
                bound.Values[field.Name] = now;
            }
        }

        var requestInfo = info with { Body = bound.ResolvedBody };
        var change = new RecordChange(RecordAction.Create, collection, old: null, bound.Values, requestInfo, session, isCascade: false);
        await hooks.BeforeWriteAsync(change, cancellationToken);
        // Whether the caller manages the new record is only known once it is stored, so a verified state asked for by a possible
        // manager is stored as false first (no rule can lean on it, as PocketBase's dummy record is unverified) and set after.
        var verifiedIfManager = collection.Type == CollectionType.Auth && RecordFinder.ManageRuleFor(collection, requestInfo) is not null &&
                                bound.Values.GetValueOrDefault("verified") is true;
        var errors = await validator.ValidateAsync(session, schema, collection, bound, existing: null, requestInfo, isManager: verifiedIfManager, cancellationToken);
        ThrowIfInvalid(errors, CreateFailed);
        var id = (string)bound.Values["id"]!;
        if (await authIds.IsTakenAsync(session, schema, collection, id, cancellationToken))
        {
            var taken = new ValidationErrors();
            taken.Add("id", AuthRecordIds.Taken());
            throw new BadRequestException(CreateFailed, taken);
        }

        HashPassword(collection, bound);
        if (verifiedIfManager)
        {
            bound.Values["verified"] = false;
        }

        await WriteOrTranslateAsync(session, () => store.InsertAsync(session, collection, bound.Values, cancellationToken), CreateFailed);
        var rule = RecordFinder.MustCheck(collection.CreateRule, requestInfo) ? collection.CreateRule : null;
        change.New = await finder.FindUnderRuleAsync(session, schema, collection, id, rule, requestInfo, cancellationToken) ??
                     throw new BadRequestException(CreateFailed);
        if (verifiedIfManager)
        {
            change.New = await VerifyAsManagerAsync(session, schema, change.New, requestInfo, cancellationToken);
        }
        change.ChangedFields = bound.Values.Keys.ToHashSet(StringComparer.Ordinal);
        return await AfterWriteAsync(session, schema, change, requestInfo, cancellationToken);
    }

    /// <summary>Updates a record; 404 when missing or the update rule fails, 400 on validation errors.</summary>
    public async Task<RecordRow> UpdateAsync(DbSession session, SchemaSnapshot schema, Collection collection, string id, RecordInput input, RequestInfo info,
        CancellationToken cancellationToken)
    {
        RequireWritable(collection);
        RecordFinder.RequireRule(collection.UpdateRule, info);
        await RecordStore.LockAsync(session, collection, id, cancellationToken);
        var existing = await finder.FindUnderRuleAsync(session, schema, collection, id, null, info, cancellationToken) ?? throw new NotFoundException();
        var bound = binder.Bind(collection, input.Values, existing.Values, info.IsSuperuser);
        var requestInfo = info with { Body = bound.ResolvedBody };
        if (RecordFinder.MustCheck(collection.UpdateRule, requestInfo) &&
            await finder.FindUnderRuleAsync(session, schema, collection, id, collection.UpdateRule, requestInfo, cancellationToken) is null)
        {
            throw new NotFoundException();
        }

        foreach (var field in collection.Fields.OfType<AutodateField>().Where(f => f.OnUpdate))
        {
            bound.Values[field.Name] = Now();
        }

        var change = new RecordChange(RecordAction.Update, collection, existing, bound.Values, requestInfo, session, isCascade: false);
        await hooks.BeforeWriteAsync(change, cancellationToken);
        var isManager = collection.Type == CollectionType.Auth && await finder.IsManagerAsync(session, schema, collection, existing, requestInfo, cancellationToken);
        var errors = await validator.ValidateAsync(session, schema, collection, bound, existing, requestInfo, isManager, cancellationToken);
        ThrowIfInvalid(errors, UpdateFailed);
        HashPassword(collection, bound);
        var changedValues = bound.Values.Where(v => !Equals(v.Value, existing.Values.GetValueOrDefault(v.Key)) || bound.Changed.Contains(v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        if (changedValues.Count > 0)
        {
            await WriteOrTranslateAsync(session, () => store.UpdateAsync(session, collection, id, changedValues, cancellationToken), UpdateFailed);
        }

        change.New = await finder.FindUnderRuleAsync(session, schema, collection, id, null, requestInfo, cancellationToken) ?? throw new NotFoundException();
        change.ChangedFields = changedValues.Keys.ToHashSet(StringComparer.Ordinal);
        return await AfterWriteAsync(session, schema, change, requestInfo, cancellationToken);
    }

    /// <summary>Batch's upsert: updates the record named by <c>body.id</c> when it exists, creates it otherwise.</summary>
    public async Task<RecordRow> UpsertAsync(DbSession session, SchemaSnapshot schema, Collection collection, RecordInput input, RequestInfo info,
        CancellationToken cancellationToken)
    {
        var id = input.Values["id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        return id.Length > 0 && await finder.FindUnderRuleAsync(session, schema, collection, id, null, info, cancellationToken) is not null
            ? await UpdateAsync(session, schema, collection, id, input, info, cancellationToken)
            : await CreateAsync(session, schema, collection, input, info, cancellationToken);
    }

    /// <summary>Deletes a record; 404 when missing or the delete rule fails. Relations pointing at it cascade or are cleared.</summary>
    public async Task DeleteAsync(DbSession session, SchemaSnapshot schema, Collection collection, string id, RequestInfo info, CancellationToken cancellationToken)
    {
        RequireWritable(collection);
        RecordFinder.RequireRule(collection.DeleteRule, info);
        var rule = RecordFinder.MustCheck(collection.DeleteRule, info) ? collection.DeleteRule : null;
        var isSuperuser = collection.Id == SystemCollections.SuperusersId;
        // Two superusers deleting each other at once must not both see "two left": the count below reads under a lock on every superuser row.
        await (isSuperuser ? RecordStore.LockAllAsync(session, collection, cancellationToken) : RecordStore.LockAsync(session, collection, id, cancellationToken));
        var record = await finder.FindUnderRuleAsync(session, schema, collection, id, rule, info, cancellationToken) ?? throw new NotFoundException();
        if (isSuperuser && await store.CountAsync(session, collection, cancellationToken) <= 1)
        {
            throw new BadRequestException("The last superuser cannot be deleted.");
        }

        await cascade.DeleteAsync(session, schema, record, info, cancellationToken);
    }

    private async Task<RecordRow> AfterWriteAsync(DbSession session, SchemaSnapshot schema, RecordChange change, RequestInfo requestInfo,
        CancellationToken cancellationToken)
    {
        await hooks.AfterWriteAsync(change, cancellationToken);
        if (change.StoredRowChanged)
        {
            change.New = await finder.FindUnderRuleAsync(session, schema, change.Collection, change.New!.Id, null, requestInfo, cancellationToken) ??
                         throw new NotFoundException();
        }

        return change.New!;
    }

    /// <summary>Sets the new record verified when the caller manages it; otherwise the 400 a non-manager gets (the write rolls back).</summary>
    private async Task<RecordRow> VerifyAsManagerAsync(DbSession session, SchemaSnapshot schema, RecordRow created, RequestInfo info, CancellationToken cancellationToken)
    {
        if (!await finder.IsManagerAsync(session, schema, created.Collection, created, info, cancellationToken))
        {
            var errors = new ValidationErrors();
            errors.Add("verified", RecordValidator.VerifiedNotSettable());
            throw new BadRequestException(CreateFailed, errors);
        }

        await store.UpdateAsync(session, created.Collection, created.Id, new Dictionary<string, object?> { ["verified"] = true }, cancellationToken);
        return await finder.FindUnderRuleAsync(session, schema, created.Collection, created.Id, null, info, cancellationToken) ?? throw new BadRequestException(CreateFailed);
    }

    private static void RequireWritable(Collection collection)
    {
        if (collection.Type == CollectionType.View)
        {
            throw new BadRequestException("Unsupported collection type.");
        }
    }

    private static void ThrowIfInvalid(ValidationErrors errors, string message)
    {
        if (!errors.IsEmpty)
        {
            throw new BadRequestException(message, errors);
        }
    }

    /// <summary>Hashes every password being set: an auth record's, and any other password field's (<c>_otps</c> has one).</summary>
    private void HashPassword(Collection collection, BoundRecord bound)
    {
        foreach (var field in collection.Fields.OfType<PasswordField>())
        {
            if (bound.Changed.Contains(field.Name) && bound.Values[field.Name] is string plain)
            {
                bound.Values[field.Name] = hasher.Hash(plain);
            }
        }
    }

    private static async Task WriteOrTranslateAsync(DbSession session, Func<Task> write, string message)
    {
        try
        {
            await write();
        }
        catch (DbException exception) when (session.Dialect.Classify(exception) == DbErrorKind.UniqueViolation)
        {
            var errors = new ValidationErrors();
            foreach (var column in session.Dialect.UniqueViolationColumns(exception))
            {
                errors.Add(column, ValidationError.NotUnique());
            }

            throw new BadRequestException(message, errors);
        }
    }

    private DateTimeOffset Now() => DateTimeText.NowToMilliseconds(time);
}
