using SharpBase.Core.Errors;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Auth;

public sealed partial class AuthFlowService
{
    /// <summary>
    /// <c>request-verification</c>: always returns normally (the endpoint answers 204) for a valid email, whether or not an
    /// unverified account has it; the token is issued and mailed in the background, at most once per 2 minutes per record.
    /// </summary>
    public async Task RequestVerificationAsync(Collection collection, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(email);
        var options = RequireAuth(collection);
        if (collection.Id == SystemCollections.SuperusersId)
        {
            throw new BadRequestException("All superusers are verified by default.");
        }

        RequireEmail(email);
        var record = await records.FindByAsync(collection, "email", email, cancellationToken);
        if (record is null || record.GetBool("verified"))
        {
            return;
        }

        var guard = GuardKey(VerificationType, record);
        if (IsGuarded(guard))
        {
            return;
        }

        Guard(guard);
        SendInBackground(VerificationType, record, async ct =>
        {
            var token = await IssueAsync(record, VerificationType, options.VerificationToken,
                new Dictionary<string, string> { ["email"] = record.GetString("email") }, ct);
            var (subject, body) = mail.Render(options.VerificationTemplate, Placeholders(record, token));
            await mail.SendAsync(new Mail.OutgoingMail(record.GetString("email"), subject, body), ct);
        });
    }

    /// <summary>
    /// <c>confirm-verification</c>: checks the token (signature, expiry, collection, and that the record still has the email
    /// it was sent to), consumes it atomically and marks the record verified.
    /// </summary>
    public async Task ConfirmVerificationAsync(Collection collection, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(token);
        RequireAuth(collection);
        if (collection.Id == SystemCollections.SuperusersId)
        {
            throw new BadRequestException("All superusers are verified by default.");
        }

        var (record, claims) = await ValidateAsync(collection, token, VerificationType, o => o.VerificationToken, cancellationToken);
        if (!claims.Extra.TryGetValue("email", out var email) || email.Length == 0)
        {
            throw Invalid("token", new ValidationError("validation_invalid_token_claims", "Missing email token claim."));
        }

        if (record.GetString("email") != email)
        {
            throw Invalid("token", new ValidationError("validation_token_email_mismatch", "The record email doesn't match with the requested token claims."));
        }

        await database.WriteAsync(async (session, ct) =>
        {
            await ConsumeAsync(session, token, VerificationType, ct);
            if (!record.GetBool("verified"))
            {
                await records.UpdateAsync(session, collection, record.Id,
                    new Dictionary<string, object?> { ["verified"] = true, ["updated"] = time.GetUtcNow() }, ct);
            }

            return true;
        }, cancellationToken);
        _recentlySent.TryRemove(GuardKey(VerificationType, record), out _);
    }

    private static AuthOptions RequireAuth(Collection collection) =>
        collection is { Type: CollectionType.Auth, Auth: { } options } ? options : throw new NotFoundException("Missing or invalid auth collection context.");

    private static Dictionary<string, string> Placeholders(Records.RecordRow record, string token)
    {
        var values = RecordPlaceholders(record);
        values["{TOKEN}"] = token;
        return values;
    }

    /// <summary>The record's placeholders alone, for a mail that carries no token.</summary>
    private static Dictionary<string, string> RecordPlaceholders(Records.RecordRow record) => new(StringComparer.Ordinal)
    {
        ["{RECORD:id}"] = record.Id,
        ["{RECORD:email}"] = record.GetString("email"),
    };
}
