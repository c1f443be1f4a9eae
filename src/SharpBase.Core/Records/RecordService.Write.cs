using System.Data.Common;
using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Records;

public sealed partial class RecordService
{
    /// <summary>Creates a record from a body; 403 for a null create rule, 400 when validation or the create rule fails.</summary>
    public Task<RecordRow> CreateAsync(Collection collection, JsonObject body, RequestInfo info, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction, ct) => CreateAsync(new DbSession(connection, transaction), collection, body, info, ct), cancellationToken);

    /// <summary>The create on an open write session.</summary>
    public async Task<RecordRow> CreateAsync(DbSession session, Collection collection, JsonObject body, RequestInfo info, CancellationToken cancellationToken)
    {
        RequireWritable(collection);
        RequireRule(collection.CreateRule, info);
        const string failed = "Failed to create record.";
        var bound = binder.Bind(collection, body, current: null, info.IsSuperuser);
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
        var isManager = false;
        var errors = await ValidateAsync(session, collection, bound, existing: null, requestInfo, isManager, cancellationToken);
        ThrowIfInvalid(errors, failed);
        HashPassword(collection, bound);

        await InsertOrTranslateAsync(session, collection, bound.Values, failed, cancellationToken);
        var id = (string)bound.Values["id"]!;
        var rule = MustCheck(collection.CreateRule, requestInfo) ? collection.CreateRule : null;
        var created = await FindUnderRuleAsync(session, collection, id, rule, requestInfo, cancellationToken);
        return created ?? throw new BadRequestException(failed);
    }

    /// <summary>Updates a record; 404 when missing or the update rule fails, 400 on validation errors.</summary>
    public Task<RecordRow> UpdateAsync(Collection collection, string id, JsonObject body, RequestInfo info, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction, ct) => UpdateAsync(new DbSession(connection, transaction), collection, id, body, info, ct), cancellationToken);

    /// <summary>The update on an open write session.</summary>
    public async Task<RecordRow> UpdateAsync(DbSession session, Collection collection, string id, JsonObject body, RequestInfo info, CancellationToken cancellationToken)
    {
        RequireWritable(collection);
        RequireRule(collection.UpdateRule, info);
        const string failed = "Failed to update record.";
        var existing = await FindUnderRuleAsync(session, collection, id, null, info, cancellationToken) ?? throw new NotFoundException();
        var bound = binder.Bind(collection, body, existing.Values, info.IsSuperuser);
        var requestInfo = info with { Body = bound.ResolvedBody };
        if (MustCheck(collection.UpdateRule, requestInfo) &&
            await FindUnderRuleAsync(session, collection, id, collection.UpdateRule, requestInfo, cancellationToken) is null)
        {
            throw new NotFoundException();
        }

        foreach (var field in collection.Fields.OfType<AutodateField>().Where(f => f.OnUpdate))
        {
            bound.Values[field.Name] = Now();
        }

        var isManager = collection.Type == CollectionType.Auth && await IsManagerAsync(session, collection, existing, requestInfo, cancellationToken);
        var errors = await ValidateAsync(session, collection, bound, existing, requestInfo, isManager, cancellationToken);
        ThrowIfInvalid(errors, failed);
        var credentialsChanged = HashPassword(collection, bound) ||
                                 (collection.Type == CollectionType.Auth && !string.Equals(existing.GetString("email"), bound.Values["email"] as string, StringComparison.Ordinal));
        var changedValues = bound.Values.Where(v => !Equals(v.Value, existing.Values.GetValueOrDefault(v.Key)) || bound.Changed.Contains(v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        if (changedValues.Count > 0)
        {
            await UpdateOrTranslateAsync(session, collection, id, changedValues, failed, cancellationToken);
        }

        var saved = await FindUnderRuleAsync(session, collection, id, null, requestInfo, cancellationToken) ?? throw new NotFoundException();
        if (credentialsChanged)
        {
            // A password or email change must log the record out everywhere, unconditionally (SECURITY.md 7).
            var hook = CredentialsChanged ?? throw new InvalidOperationException("No credentials-changed handler is configured.");
            await hook(session, saved, cancellationToken);
            saved = await FindUnderRuleAsync(session, collection, id, null, requestInfo, cancellationToken) ?? throw new NotFoundException();
        }

        return saved;
    }

    /// <summary>Batch's upsert: updates the record named by <c>body.id</c> when it exists, creates it otherwise.</summary>
    public async Task<RecordRow> UpsertAsync(DbSession session, Collection collection, JsonObject body, RequestInfo info, CancellationToken cancellationToken)
    {
        var id = body["id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        return id.Length > 0 && await FindUnderRuleAsync(session, collection, id, null, info, cancellationToken) is not null
            ? await UpdateAsync(session, collection, id, body, info, cancellationToken)
            : await CreateAsync(session, collection, body, info, cancellationToken);
    }

    /// <summary>
    /// Runs in the update's transaction after a password or email change: rotates the record's token key and revokes its
    /// sessions and refresh tokens.
    /// </summary>
    public Func<DbSession, RecordRow, CancellationToken, Task>? CredentialsChanged { get; set; }

    private static void ThrowIfInvalid(ValidationErrors errors, string message)
    {
        if (!errors.IsEmpty)
        {
            throw new BadRequestException(message, errors);
        }
    }

    private bool HashPassword(Collection collection, BoundRecord bound)
    {
        if (collection.Type != CollectionType.Auth || !bound.Changed.Contains("password"))
        {
            return false;
        }

        bound.Values["password"] = hasher.Hash((string)bound.Values["password"]!);
        return true;
    }

    private async Task InsertOrTranslateAsync(DbSession session, Collection collection, Dictionary<string, object?> values, string message, CancellationToken cancellationToken)
    {
        try
        {
            await store.InsertAsync(session.Connection, session.Transaction!, collection, values, cancellationToken);
        }
        catch (DbException exception) when (database.Dialect.Classify(exception) == DbErrorKind.UniqueViolation)
        {
            throw NotUnique(exception, message);
        }
    }

    private async Task UpdateOrTranslateAsync(DbSession session, Collection collection, string id, Dictionary<string, object?> values, string message,
        CancellationToken cancellationToken)
    {
        try
        {
            await store.UpdateAsync(session.Connection, session.Transaction!, collection, id, values, cancellationToken);
        }
        catch (DbException exception) when (database.Dialect.Classify(exception) == DbErrorKind.UniqueViolation)
        {
            throw NotUnique(exception, message);
        }
    }

    private BadRequestException NotUnique(DbException exception, string message)
    {
        var errors = new ValidationErrors();
        foreach (var column in database.Dialect.UniqueViolationColumns(exception))
        {
            errors.Add(column, ValidationError.NotUnique());
        }

        return new BadRequestException(message, errors);
    }

    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
