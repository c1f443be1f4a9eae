using System.Collections.Concurrent;
using SharpBase.Core.Errors;
using SharpBase.Core.Mail;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Storage;

namespace SharpBase.Core.Auth;

/// <summary>
/// The account flows with single-use, expiring tokens: email verification, password reset and email change. Tokens are
/// PocketBase JWTs signed with the record's <c>tokenKey</c> and the collection's matching secret; in addition the SHA-256 of
/// each issued token is stored in <c>_authTokens</c> and consumed with one conditional UPDATE inside the write that applies
/// it, so each token works once even under concurrent submissions. Request endpoints do their lookups the same way whether
/// or not the account exists and send mail in the background.
/// </summary>
public sealed partial class AuthFlowService(
    Database database, SchemaRegistry registry, RecordStore records, PasswordHasher hasher, TokenService tokens, AuthService auth,
    MailService mail, TimeProvider time)
{
    /// <summary>The verification token type (and <c>_authTokens</c> kind).</summary>
    public const string VerificationType = "verification";

    /// <summary>The password reset token type.</summary>
    public const string PasswordResetType = "passwordReset";

    /// <summary>The email change token type.</summary>
    public const string EmailChangeType = "emailChange";

    /// <summary>The kind named in logs for the notice to the old address after an email change (not a token type).</summary>
    private const string EmailChangeNoticeKind = "emailChangeNotice";

    private const string ValidationMessage = "An error occurred while validating the submitted data.";
    private static readonly TimeSpan ResendGuard = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentlySent = new(StringComparer.Ordinal);

    private static ValidationError InvalidToken() => new("validation_invalid_token", "Invalid or expired token.");

    private static ValidationError CollectionMismatch() =>
        new("validation_token_collection_mismatch", "The provided token is for different auth collection.");

    private static BadRequestException Invalid(string key, ValidationError error)
    {
        var errors = new ValidationErrors();
        errors.Add(key, error);
        return new BadRequestException(ValidationMessage, errors);
    }

    private static string RequireEmail(string email)
    {
        var errors = new ValidationErrors();
        if (email.Length == 0)
        {
            errors.Add("email", ValidationError.Required());
        }
        else if (email.Length > 255 || !Common.EmailAddress.IsValid(email))
        {
            errors.Add("email", new ValidationError("validation_is_email", "Must be a valid email address."));
        }

        return errors.IsEmpty ? email : throw new BadRequestException(ValidationMessage, errors);
    }

    private static string GuardKey(string kind, RecordRow record) => kind + ":" + record.Collection.Id + ":" + record.Id;

    private bool IsGuarded(string key)
    {
        var now = time.GetUtcNow();
        if (_recentlySent.TryGetValue(key, out var until) && until > now)
        {
            return true;
        }

        if (_recentlySent.Count > 50_000)
        {
            foreach (var (k, v) in _recentlySent)
            {
                if (v <= now)
                {
                    _recentlySent.TryRemove(k, out _);
                }
            }
        }

        return false;
    }

    private void Guard(string key) => _recentlySent[key] = time.GetUtcNow() + ResendGuard;

    /// <summary>
    /// Issues a flow token for <paramref name="record"/>, stores its hash (kind <paramref name="type"/>) and returns it.
    /// </summary>
    private async Task<string> IssueAsync(RecordRow record, string type, TokenOptions options, IReadOnlyDictionary<string, string> extra,
        CancellationToken cancellationToken)
    {
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, options.Duration));
        var token = tokens.Issue(new TokenClaims(record.Id, type, record.Collection.Id, null, extra), record.GetString("tokenKey") + options.Secret, lifetime);
        var now = time.GetUtcNow();
        await database.WriteAsync(async (session, ct) =>
        {
            await AuthTokenStore.InsertSecretAsync(session,
                new SecretRow(SecretHash.Of(token), type, record.Collection.Id, record.Id, "", now + lifetime + TokenService.ClockSkew, null), now, ct);
            return true;
        }, cancellationToken);
        return token;
    }

    /// <summary>
    /// Checks a flow token's signature, type and expiry against its record (found by the unverified claims) and that it is
    /// for <paramref name="collection"/>; throws 400 with <c>data.token</c> otherwise. Does not consume it.
    /// </summary>
    private async Task<(RecordRow Record, TokenValidationResult Claims)> ValidateAsync(Collection collection, string token, string type,
        Func<AuthOptions, TokenOptions> secret, CancellationToken cancellationToken)
    {
        if (token.Length == 0)
        {
            throw Invalid("token", ValidationError.Required());
        }

        if (token.Length > TokenService.MaxTokenLength || !tokens.TryReadUnverified(token, out var unverified) || unverified.Type != type ||
            registry.Current.Find(unverified.CollectionId) is not { Type: CollectionType.Auth, Auth: { } options } tokenCollection ||
            tokenCollection.Id != unverified.CollectionId)
        {
            throw Invalid("token", InvalidToken());
        }

        var record = await records.FindByAsync(tokenCollection, "id", unverified.Id, cancellationToken);
        var claims = record is null ? null : tokens.Validate(token, record.GetString("tokenKey") + secret(options).Secret, type);
        if (record is null || claims is null || claims.Id != record.Id || claims.CollectionId != tokenCollection.Id)
        {
            throw Invalid("token", InvalidToken());
        }

        if (tokenCollection.Id != collection.Id)
        {
            throw Invalid("token", CollectionMismatch());
        }

        return (record, claims);
    }

    /// <summary>Consumes the stored hash of <paramref name="token"/> inside the caller's write; 400 when already used.</summary>
    private async Task ConsumeAsync(DbSession session, string token, string type,
        CancellationToken cancellationToken)
    {
        if (!await AuthTokenStore.TryConsumeAsync(session, SecretHash.Of(token), type, time.GetUtcNow(), cancellationToken))
        {
            throw Invalid("token", InvalidToken());
        }
    }

    private void SendInBackground(string kind, RecordRow record, Func<CancellationToken, Task> work) =>
        mail.Enqueue(async ct =>
        {
            try
            {
                await work(ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                AuthLog.FlowMailFailed(auth.Logger, exception, kind, record.Id);
            }
        });
}
