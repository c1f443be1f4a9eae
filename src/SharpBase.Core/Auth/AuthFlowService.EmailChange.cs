using System.Data.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Auth;

public sealed partial class AuthFlowService
{
    /// <summary>
    /// <c>request-email-change</c> for the signed-in <paramref name="caller"/> of <paramref name="collection"/> (401/403
    /// otherwise): the new email must be valid, different and unused; a confirmation mail goes to the new address.
    /// </summary>
    public async Task RequestEmailChangeAsync(Collection collection, AuthContext caller, string newEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(newEmail);
        var options = RequireAuth(collection);
        if (collection.Id == SystemCollections.SuperusersId)
        {
            throw new BadRequestException("All superusers can change their emails directly.");
        }

        var record = AuthService.RequireSameCollection(collection, caller);
        ValidationError? error = null;
        if (newEmail.Length == 0)
        {
            error = ValidationError.Required();
        }
        else if (newEmail.Length > 255 || !Common.EmailAddress.IsValid(newEmail))
        {
            error = new ValidationError("validation_is_email", "Must be a valid email address.");
        }
        else if (newEmail == record.GetString("email"))
        {
            error = new ValidationError("validation_not_in_invalid", "Must be a valid value.");
        }
        else if (await records.FindByAsync(collection, "email", newEmail, cancellationToken) is { } other && other.Id != record.Id)
        {
            error = new ValidationError("validation_invalid_new_email", "Invalid new email address.");
        }

        if (error is not null)
        {
            throw Invalid("newEmail", error);
        }

        var token = await IssueAsync(record, EmailChangeType, options.EmailChangeToken,
            new Dictionary<string, string> { ["email"] = record.GetString("email"), ["newEmail"] = newEmail }, cancellationToken);
        var (subject, body) = mail.Render(options.ConfirmEmailChangeTemplate, Placeholders(record, token));
        try
        {
            await mail.SendAsync(new Mail.OutgoingMail(newEmail, subject, body), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            AuthLog.FlowMailFailed(auth.Logger, exception, EmailChangeType, record.Id);
            throw new BadRequestException("Failed to request email change.");
        }
    }

    /// <summary>
    /// <c>confirm-email-change</c>: checks the token and the record's current password, then in one write consumes the token,
    /// sets the new email and <c>verified</c>, and runs the credentials-changed hook. Afterwards the old address gets a
    /// notice, sent in the background like the other flow mails: the change is made, so a failing mailer is logged, not
    /// reported to the caller.
    /// </summary>
    public async Task ConfirmEmailChangeAsync(Collection collection, string token, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(password);
        var options = RequireAuth(collection);
        if (collection.Id == SystemCollections.SuperusersId)
        {
            throw new BadRequestException("All superusers can change their emails directly.");
        }

        if (password.Length == 0 || password.Length > 100)
        {
            throw Invalid("password", password.Length == 0
                ? ValidationError.Required()
                : new ValidationError("validation_length_out_of_range", "The length must be between 1 and 100."));
        }

        var (record, claims) = await ValidateAsync(collection, token, EmailChangeType, o => o.EmailChangeToken, cancellationToken);
        if (!claims.Extra.TryGetValue("newEmail", out var newEmail) || newEmail.Length == 0)
        {
            throw Invalid("token", new ValidationError("validation_invalid_token_payload", "Invalid token payload - newEmail must be set."));
        }

        // The lookup follows the email index, so under the default (case-insensitive) index it also finds the record itself
        // when the change only fixes the case of its own address; that change is allowed, as the request allowed it.
        if (await records.FindByAsync(collection, "email", newEmail, cancellationToken) is { } other && other.Id != record.Id)
        {
            throw Invalid("token", new ValidationError("validation_invalid_token_email", "The new email address is invalid."));
        }

        if (hasher.Verify(password, record.GetString("password")) == PasswordVerification.Failed)
        {
            throw Invalid("password", new ValidationError("validation_invalid_password", "Missing or invalid auth record password."));
        }

        try
        {
            await database.WriteAsync(async (session, ct) =>
            {
                await ConsumeAsync(session, token, EmailChangeType, ct);
                await records.UpdateAsync(session, collection, record.Id,
                    new Dictionary<string, object?> { ["email"] = newEmail, ["verified"] = true, ["updated"] = time.GetUtcNow() }, ct);
                await auth.OnCredentialsChangedAsync(session, record, ct);
                return true;
            }, cancellationToken);
        }
        catch (DbException exception) when (database.Dialect.Classify(exception) == Storage.Dialects.DbErrorKind.UniqueViolation)
        {
            throw new BadRequestException("Failed to confirm email change.");
        }

        SendEmailChangeNotice(record, options.EmailChangeNoticeTemplate);
    }

    /// <summary>
    /// Tells the old address of <paramref name="record"/> (read before the change) that the email was changed, as the large
    /// providers do, so an owner whose account was taken over learns of it. No token goes in: the mailbox may no longer be
    /// the owner's, and a link in it could act on the account.
    /// </summary>
    private void SendEmailChangeNotice(Records.RecordRow record, EmailTemplate template)
    {
        var oldEmail = record.GetString("email");
        var values = RecordPlaceholders(record);
        SendInBackground(EmailChangeNoticeKind, record, async ct =>
        {
            var (subject, body) = mail.Render(template, values);
            await mail.SendAsync(new Mail.OutgoingMail(oldEmail, subject, body), ct);
        });
    }
}
