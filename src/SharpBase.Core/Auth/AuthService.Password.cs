using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Auth;

/// <summary>An <c>auth-with-password</c> request.</summary>
/// <param name="Identity">The value looked up in the identity fields.</param>
/// <param name="Password">The password.</param>
/// <param name="IdentityField">Only this identity field is tried when given.</param>
/// <param name="MfaId">The <c>_mfas</c> id of an earlier, different method, completing a multi-factor sign-in.</param>
public sealed record PasswordSignIn(string Identity, string Password, string? IdentityField = null, string? MfaId = null);

public sealed partial class AuthService
{
    private const int MaxFieldLength = 255;
    private const string FailedMessage = "Failed to authenticate.";

    /// <summary>The method name MFA records for a password sign-in, as PocketBase's <c>core.MFAMethodPassword</c>.</summary>
    public const string PasswordMethod = "password";

    /// <summary>
    /// The full <c>auth-with-password</c>: validates the form as PocketBase does, throttles per account and per IP (429 when
    /// locked, before any hashing), looks the identity up (email first, skipped when the identity is not an email), verifies
    /// the password (a dummy verify when no record matched), checks the <c>authRule</c> and MFA (a result with only
    /// <see cref="AuthResult.MfaId"/> when a second method is wanted), and issues the token with a new session and its first
    /// refresh token.
    /// </summary>
    public async Task<AuthResult> SignInWithPasswordAsync(Collection collection, PasswordSignIn request, ClientInfo client, AuthContext caller,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var auth = collection.Auth ?? throw new NotFoundException("Missing or invalid auth collection context.");
        if (!auth.PasswordAuth.Enabled)
        {
            throw new ForbiddenException("The collection is not configured to allow password authentication.");
        }

        ValidateForm(auth, request);

        var accountKey = LoginThrottle.AccountKey(collection.Id, request.Identity);
        var ipKey = LoginThrottle.IpKey(client.Ip);
        Throttle.Begin(accountKey, ipKey);

        RecordRow? record = null;
        foreach (var field in IdentityFieldsToTry(collection, auth, request))
        {
            record = await _records.FindByAsync(collection, field, request.Identity, cancellationToken);
            if (record is not null)
            {
                break;
            }
        }

        if (record is null)
        {
            _hasher.DummyVerify(request.Password);
            Throttle.Failed(ipKey);
            throw new BadRequestException(FailedMessage);
        }

        var verification = _hasher.Verify(request.Password, record.GetString("password"));
        if (verification == PasswordVerification.Failed)
        {
            Throttle.Failed(ipKey);
            throw new BadRequestException(FailedMessage);
        }

        Throttle.Succeeded(accountKey, ipKey);
        if (verification == PasswordVerification.SuccessRehashNeeded)
        {
            await _rehasher.RehashAsync(record, request.Password, cancellationToken);
        }

        await Rules.EnsureAllowedAsync(record, caller, "password", cancellationToken);
        if (await Mfa.CheckAsync(record, PasswordMethod, request.MfaId ?? "", caller, cancellationToken) is { } mfaId)
        {
            return AuthResult.MfaRequired(record, mfaId);
        }

        var session = await Sessions.StartAsync(record, client, cancellationToken);
        return new AuthResult(IssueAuthToken(record, true, session.SessionId, TimeSpan.Zero), record, session.RefreshToken);
    }

    private static void ValidateForm(AuthOptions auth, PasswordSignIn request)
    {
        var errors = new ValidationErrors();
        CheckLength(errors, "identity", request.Identity, required: true);
        CheckLength(errors, "password", request.Password, required: true);
        if (!string.IsNullOrEmpty(request.IdentityField))
        {
            if (request.IdentityField.Length > MaxFieldLength || !auth.PasswordAuth.IdentityFields.Contains(request.IdentityField, StringComparer.Ordinal))
            {
                errors.Add("identityField", new ValidationError("validation_in_invalid", "Must be a valid value."));
            }
        }

        if (!errors.IsEmpty)
        {
            throw new BadRequestException("An error occurred while validating the submitted data.", errors);
        }
    }

    private static void CheckLength(ValidationErrors errors, string key, string value, bool required)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                errors.Add(key, ValidationError.Required());
            }
        }
        else if (value.Length > MaxFieldLength)
        {
            errors.Add(key, new ValidationError("validation_length_out_of_range", $"The length must be between 1 and {MaxFieldLength}."));
        }
    }

    private static IEnumerable<string> IdentityFieldsToTry(Collection collection, AuthOptions auth, PasswordSignIn request)
    {
        IEnumerable<string> fields = string.IsNullOrEmpty(request.IdentityField)
            ? auth.PasswordAuth.IdentityFields.OrderBy(f => f == "email" ? 0 : 1)
            : [request.IdentityField];
        foreach (var field in fields)
        {
            if (collection.FindField(field) is null || (field == "email" && !EmailAddress.IsValid(request.Identity)))
            {
                continue;
            }

            yield return field;
        }
    }
}
