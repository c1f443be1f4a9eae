using SharpBase.Core.Errors;

namespace SharpBase.Core.Schema;

/// <summary>Checks an auth collection's options: token lifetimes and secrets, identity fields, MFA prerequisites.</summary>
internal static class AuthOptionsValidator
{
    public static void Validate(Collection collection, AuthOptions auth, ValidationErrors errors)
    {
        foreach (var (key, token) in auth.Tokens)
        {
            if (token.Duration < 10 || token.Duration > 10L * 365 * 24 * 3600)
            {
                errors.Nested(key).Add("duration", ValidationError.Invalid("Must be between 10 seconds and 10 years."));
            }

            if (token.Secret.Length is < 30 or > 255)
            {
                errors.Nested(key).Add("secret", new ValidationError("validation_length_out_of_range", "The length must be between 30 and 255."));
            }
        }

        if (auth.PasswordAuth.Enabled)
        {
            ValidateIdentityFields(collection, auth.PasswordAuth.IdentityFields, errors);
        }

        var methods = (auth.PasswordAuth.Enabled ? 1 : 0) + (auth.Otp.Enabled ? 1 : 0) + (auth.OAuth2.Enabled ? 1 : 0);
        if (auth.Mfa.Enabled && methods < 2)
        {
            errors.Nested("mfa").Add("enabled", new ValidationError("validation_mfa_not_enough_auths", "MFA requires at least 2 auth methods to be enabled."));
        }

        if (auth.Otp.Length is < 4 or > 20)
        {
            errors.Nested("otp").Add("length", ValidationError.Invalid("Must be between 4 and 20."));
        }

        if (collection.Name == SystemCollections.SuperusersName && (!auth.PasswordAuth.Enabled || auth.OAuth2.Enabled))
        {
            errors.Nested("passwordAuth").Add("enabled", ValidationError.Invalid("Superusers always sign in with a password and never with OAuth2."));
        }
    }

    /// <summary>
    /// PocketBase's identity field check (only while password sign-in is on): at least one, and the first that is not a
    /// field or has no single-column UNIQUE index is reported under <c>passwordAuth.identityFields</c>.
    /// </summary>
    private static void ValidateIdentityFields(Collection collection, IReadOnlyList<string> identityFields, ValidationErrors errors)
    {
        var target = errors.Nested("passwordAuth");
        if (identityFields.Count == 0)
        {
            target.Add("identityFields", ValidationError.Required());
            return;
        }

        var unique = UniqueIndexes.Of(collection)
            .Where(s => s is { Unique: true, Columns.Count: 1 } && (s.Where.Count == 0 || s.Columns[0].Name == "email"))
            .Select(s => s.Columns[0].Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in identityFields)
        {
            if (collection.FindField(name) is null)
            {
                target.Add("identityFields", new ValidationError("validation_missing_field", $"Invalid or missing field {name}"));
                return;
            }

            if (!unique.Contains(name))
            {
                target.Add("identityFields", new ValidationError("validation_missing_unique_constraint", $"The field {name} doesn't have a UNIQUE constraint."));
                return;
            }
        }
    }
}
