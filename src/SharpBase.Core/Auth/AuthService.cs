using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Auth;

/// <summary>Turns tokens into callers and passwords into tokens, for every auth collection.</summary>
public sealed class AuthService(SchemaRegistry registry, RecordStore records, PasswordHasher hasher, TokenService tokens, PasswordRehasher rehasher)
{
    /// <summary>
    /// The caller behind an <c>Authorization</c> header value (with or without <c>Bearer </c>). Anything invalid,
    /// expired or revoked makes the caller a guest, as in PocketBase; only routes that need auth answer 401.
    /// </summary>
    public async Task<AuthContext> AuthenticateAsync(string? header, CancellationToken cancellationToken)
    {
        var token = header?.Trim() ?? "";
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token[7..].Trim();
        }

        if (token.Length == 0 || token.Length > 4096 || !tokens.TryReadUnverified(token, out var unverified) || unverified.Type != "auth")
        {
            return AuthContext.Guest;
        }

        if (registry.Current.Find(unverified.CollectionId) is not { Type: CollectionType.Auth, Auth: { } auth } collection || collection.Id != unverified.CollectionId)
        {
            return AuthContext.Guest;
        }

        var record = await records.FindByAsync(collection, "id", unverified.Id, cancellationToken);
        var claims = record is null ? null : tokens.Validate(token, record.GetString("tokenKey") + auth.AuthToken.Secret, "auth");
        if (record is null || claims is null || claims.Id != record.Id || claims.CollectionId != collection.Id)
        {
            return AuthContext.Guest;
        }

        return AuthContext.For(record);
    }

    /// <summary>
    /// Signs in with an identity (any of the collection's identity fields) and a password. Unknown identities and wrong
    /// passwords get the same answer after the same work (a dummy hash check), so they cannot be told apart.
    /// </summary>
    public async Task<(string Token, RecordRow Record)> AuthWithPasswordAsync(Collection collection, string identity, string password, CancellationToken cancellationToken)
    {
        var auth = collection.Auth ?? throw new NotFoundException("Missing or invalid auth collection context.");
        if (!auth.PasswordAuth.Enabled)
        {
            throw new ForbiddenException("The collection is not configured to allow password authentication.");
        }

        var errors = new ValidationErrors();
        if (identity.Length == 0)
        {
            errors.Add("identity", ValidationError.Required());
        }

        if (password.Length == 0)
        {
            errors.Add("password", ValidationError.Required());
        }

        if (!errors.IsEmpty)
        {
            throw new BadRequestException("An error occurred while validating the submitted data.", errors);
        }

        RecordRow? record = null;
        foreach (var field in auth.PasswordAuth.IdentityFields)
        {
            if (collection.FindField(field) is not null && identity.Length <= 255)
            {
                record = await records.FindByAsync(collection, field, identity, cancellationToken);
                if (record is not null)
                {
                    break;
                }
            }
        }

        if (record is null)
        {
            hasher.DummyVerify(password);
            throw new BadRequestException("Failed to authenticate.");
        }

        var verification = hasher.Verify(password, record.GetString("password"));
        if (verification == PasswordVerification.Failed)
        {
            throw new BadRequestException("Failed to authenticate.");
        }

        if (verification == PasswordVerification.SuccessRehashNeeded)
        {
            await rehasher.RehashAsync(record, password, cancellationToken);
        }

        return (IssueAuthToken(record), record);
    }

    /// <summary>A new auth token for <paramref name="record"/>, valid for the collection's auth token duration.</summary>
    public string IssueAuthToken(RecordRow record, bool refreshable = true)
    {
        var auth = record.Collection.Auth!;
        return tokens.Issue(new TokenClaims(record.Id, "auth", record.Collection.Id, refreshable),
            record.GetString("tokenKey") + auth.AuthToken.Secret, TimeSpan.FromSeconds(auth.AuthToken.Duration));
    }
}
