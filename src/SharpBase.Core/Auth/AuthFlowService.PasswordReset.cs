using System.Text;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Auth;

public sealed partial class AuthFlowService
{
    /// <summary>
    /// <c>request-password-reset</c>: returns normally for a valid email whether or not an account has it; the token is issued
    /// and mailed in the background, at most once per 2 minutes per record.
    /// </summary>
    public async Task RequestPasswordResetAsync(Collection collection, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(email);
        var options = RequireAuth(collection);
        if (!options.PasswordAuth.Enabled)
        {
            throw new BadRequestException("The collection is not configured to allow password authentication.");
        }

        RequireEmail(email);
        var record = await records.FindByAsync(collection, "email", email, cancellationToken);
        if (record is null)
        {
            return;
        }

        var guard = GuardKey(PasswordResetType, record);
        if (IsGuarded(guard))
        {
            return;
        }

        Guard(guard);
        SendInBackground(PasswordResetType, record, async ct =>
        {
            var token = await IssueAsync(record, PasswordResetType, options.PasswordResetToken,
                new Dictionary<string, string> { ["email"] = record.GetString("email") }, ct);
            var (subject, body) = mail.Render(options.ResetPasswordTemplate, Placeholders(record, token));
            await mail.SendAsync(new Mail.OutgoingMail(record.GetString("email"), subject, body), ct);
        });
    }

    /// <summary>
    /// <c>confirm-password-reset</c>: validates the token and the new password (length checked before any hashing), then in
    /// one write consumes the token, stores the new hash, marks the record verified when the token's email is still its
    /// email, and runs the credentials-changed hook (new <c>tokenKey</c>, every session and refresh token revoked).
    /// </summary>
    public async Task ConfirmPasswordResetAsync(Collection collection, string token, string password, string passwordConfirm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(passwordConfirm);
        RequireAuth(collection);
        var errors = new ValidationErrors();
        if (ValidateNewPassword(collection, password) is { } passwordError)
        {
            errors.Add("password", passwordError);
        }

        if (passwordConfirm.Length == 0)
        {
            errors.Add("passwordConfirm", ValidationError.Required());
        }
        else if (!string.Equals(password, passwordConfirm, StringComparison.Ordinal))
        {
            errors.Add("passwordConfirm", new ValidationError("validation_values_mismatch", "Values don't match."));
        }

        Records.RecordRow? record = null;
        TokenValidationResult? claims = null;
        try
        {
            (record, claims) = await ValidateAsync(collection, token, PasswordResetType, o => o.PasswordResetToken, cancellationToken);
        }
        catch (BadRequestException exception)
        {
            errors.Merge(exception.Errors);
        }

        if (!errors.IsEmpty || record is null || claims is null)
        {
            throw new BadRequestException(ValidationMessage, errors);
        }

        var hash = hasher.Hash(password);
        var verify = !record.GetBool("verified") && claims.Extra.GetValueOrDefault("email") == record.GetString("email");
        await database.WriteAsync(async (session, ct) =>
        {
            await ConsumeAsync(session, token, PasswordResetType, ct);
            var values = new Dictionary<string, object?> { ["password"] = hash, ["updated"] = time.GetUtcNow() };
            if (verify)
            {
                values["verified"] = true;
            }

            await records.UpdateAsync(session, collection, record.Id, values, ct);
            await auth.OnCredentialsChangedAsync(session, record, ct);
            return true;
        }, cancellationToken);
        _recentlySent.TryRemove(GuardKey(PasswordResetType, record), out _);
    }

    /// <summary>
    /// The checks a new password must pass before it is hashed: required, at most <see cref="PasswordField.MaxBytes"/> UTF-8
    /// bytes and 255 characters, at least the password field's <c>min</c> characters (1 when unset), and its <c>max</c>.
    /// </summary>
    public static ValidationError? ValidateNewPassword(Collection collection, string password)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length == 0)
        {
            return ValidationError.Required();
        }

        var field = collection.FindField("password") as PasswordField;
        var min = field is { Min: > 0 } ? field.Min : 1;
        var max = field is { Max: > 0 } ? Math.Min(field.Max, 255) : 255;
        if (password.Length > PasswordField.MaxBytes || Encoding.UTF8.GetByteCount(password) > PasswordField.MaxBytes || password.Length > max ||
            password.Length < min)
        {
            return new ValidationError("validation_length_out_of_range", $"The length must be between {min} and {max}.");
        }

        return null;
    }
}
