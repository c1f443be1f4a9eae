using SharpBase.Storage;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Auth;

public sealed partial class AuthService
{
    /// <summary>The length of a generated <c>tokenKey</c>, as PocketBase's autogenerate pattern <c>[a-zA-Z0-9]{50}</c>.</summary>
    public const int TokenKeyLength = 50;

    /// <summary>A fresh random <c>tokenKey</c>.</summary>
    public string NewTokenKey() => _random.NextString(TokenKeyLength, Ids.AlphanumericAlphabet);

    /// <summary>
    /// The credentials-changed hook: call it inside the same write transaction that changes an auth record's password or
    /// email (records API, password reset, email change). Unconditionally it rotates the record's <c>tokenKey</c> (so every
    /// earlier JWT of the record, including verification/reset/email-change tokens, stops validating) and revokes every
    /// session and refresh token of the record. Returns the new token key; the caller must not write <c>tokenKey</c> itself
    /// afterwards in the same update.
    /// </summary>
    public async Task<string> OnCredentialsChangedAsync(DbSession session, RecordRow record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var tokenKey = NewTokenKey();
        await _records.UpdateAsync(session, record.Collection, record.Id,
            new Dictionary<string, object?> { ["tokenKey"] = tokenKey }, cancellationToken);
        await Sessions.RevokeAllAsync(session, record, cancellationToken);
        return tokenKey;
    }

    /// <summary>
    /// "Log out everywhere" for the caller's record: the credentials-changed hook without a credential change, so every
    /// token and session of the record ends at once.
    /// </summary>
    public Task LogOutEverywhereAsync(RecordRow record, CancellationToken cancellationToken) =>
        _database.WriteAsync((session, ct) => OnCredentialsChangedAsync(session, record, ct), cancellationToken);

    /// <summary>
    /// <c>auth-refresh</c>: the caller must be signed in to <paramref name="collection"/> (401 for guests, 403 for another
    /// collection). The record is re-read, the <c>authRule</c> checked again, and a new token issued when the current one is
    /// refreshable (impersonation tokens come back unchanged).
    /// </summary>
    public async Task<AuthResult> RefreshAsync(Collection collection, AuthContext caller, string currentToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(caller);
        var record = RequireSameCollection(collection, caller);
        var fresh = await _records.FindByAsync(collection, "id", record.Id, cancellationToken) ?? throw new UnauthorizedException();
        await Rules.EnsureAllowedAsync(fresh, caller, "default", cancellationToken);
        var token = caller.Refreshable ? IssueAuthToken(fresh, true, caller.SessionId, TimeSpan.Zero) : StripBearer(currentToken);
        return new AuthResult(token, fresh);
    }

    /// <summary>
    /// <c>auth-refresh-token</c>: redeems a refresh token of <paramref name="collection"/> for a new JWT and the next refresh
    /// token of its family (a reused one revokes the family; anything invalid is 401).
    /// </summary>
    public async Task<AuthResult> RedeemRefreshTokenAsync(Collection collection, string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (collection.Type != CollectionType.Auth)
        {
            throw new NotFoundException("Missing or invalid auth collection context.");
        }

        var (record, next) = await Sessions.RedeemAsync(collection, refreshToken, cancellationToken);
        await Rules.EnsureAllowedAsync(record, AuthContext.Guest, "default", cancellationToken);
        return new AuthResult(IssueAuthToken(record, true, next.SessionId, TimeSpan.Zero), record, next.RefreshToken);
    }

    /// <summary>
    /// <c>impersonate/{id}</c>: superusers only (401 for guests, 403 otherwise). Returns a non-refreshable token for the record,
    /// valid for <paramref name="durationSeconds"/> (0 = the collection's auth token duration), and logs who impersonated whom.
    /// </summary>
    public async Task<AuthResult> ImpersonateAsync(Collection collection, string recordId, long durationSeconds, AuthContext caller,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsGuest)
        {
            throw new UnauthorizedException();
        }

        if (!caller.IsSuperuser)
        {
            throw new ForbiddenException();
        }

        if (collection.Type != CollectionType.Auth)
        {
            throw new NotFoundException("Missing or invalid auth collection context.");
        }

        if (durationSeconds < 0)
        {
            var errors = new ValidationErrors();
            errors.Add("duration", new ValidationError("validation_min_greater_equal_than_required", "Must be no less than 0."));
            throw new BadRequestException("An error occurred while validating the submitted data.", errors);
        }

        var record = (recordId.Length is > 0 and <= 255 ? await _records.FindByAsync(collection, "id", recordId, cancellationToken) : null)
            ?? throw new NotFoundException();
        await Rules.EnsureAllowedAsync(record, caller, "default", cancellationToken);
        var lifetime = TimeSpan.FromSeconds(Math.Min(durationSeconds, (long)TimeSpan.FromDays(3650).TotalSeconds));
        var token = IssueAuthToken(record, false, null, lifetime);
        AuthLog.Impersonated(Logger, caller.Record!.Id, collection.Name, record.Id, (long)(lifetime > TimeSpan.Zero ? lifetime.TotalSeconds : record.Collection.Auth!.AuthToken.Duration));
        return new AuthResult(token, record);
    }

    /// <summary>The caller's record when it belongs to <paramref name="collection"/>: 401 for guests, 403 for another collection.</summary>
    public static RecordRow RequireSameCollection(Collection collection, AuthContext caller)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return RequireCaller(caller, collection.Id);
    }

    /// <summary>
    /// For routes that need the caller signed in to the route's collection (<c>auth-refresh</c>, <c>request-email-change</c>),
    /// checked before anything is said about the collection, as PocketBase's <c>RequireSameCollectionContextAuth</c>: 401 for
    /// guests, 403 when <paramref name="idOrName"/> is another, a base or no collection; otherwise the caller's collection.
    /// </summary>
    public static Collection RequireCallerCollection(SchemaSnapshot schema, string idOrName, AuthContext caller)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var collection = schema.Find(idOrName);
        RequireCaller(caller, collection?.Id);
        return collection!;
    }

    private static RecordRow RequireCaller(AuthContext caller, string? collectionId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Record is not { } record)
        {
            throw new UnauthorizedException();
        }

        if (record.Collection.Id != collectionId)
        {
            throw new ForbiddenException($"The request requires auth record from {record.Collection.Name} collection.");
        }

        return record;
    }

    private static string StripBearer(string token)
    {
        var text = token.Trim();
        return text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? text[7..].Trim() : text;
    }
}
