using SharpBase.Storage;
using System.Globalization;
using SharpBase.Core.Auth;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core.Records;

/// <summary>
/// Checks a bound record before it is written: first, on auth collections, PocketBase's auth form checks (password
/// confirmation, verified and email changes, the old password); then every field's own checks and relation targets
/// that must exist. Each stage reports all of its errors at once.
/// </summary>
public sealed class RecordValidator(PasswordHasher hasher)
{
    /// <summary>The auth form checks, then (when they pass) every field's checks and relation targets that must exist.</summary>
    public async Task<ValidationErrors> ValidateAsync(DbSession session, SchemaSnapshot schema, Collection collection, BoundRecord bound, RecordRow? existing, RequestInfo info,
        bool isManager, CancellationToken cancellationToken)
    {
        if (collection.Type == CollectionType.Auth && ValidateAuthForm(bound, existing, info, isManager) is { IsEmpty: false } formErrors)
        {
            // PocketBase checks an auth body's password, confirmation and verified/email permissions first and reports
            // only those when they fail; the record's fields are checked once they pass.
            return formErrors;
        }

        var errors = new ValidationErrors();
        foreach (var field in collection.Fields)
        {
            if (field is AutodateField || (existing is not null && !bound.Changed.Contains(field.Name)))
            {
                continue;
            }

            if (existing is not null && field.Name == "id")
            {
                if (bound.Changed.Contains("id") && !Equals(bound.Values["id"], existing.Id))
                {
                    errors.Add("id", new ValidationError("validation_pk_change", "The record primary key cannot be changed."));
                }

                continue;
            }

            if (field.ValidateValue(bound.Values[field.Name]) is { } error)
            {
                errors.Add(field.Name, error);
            }
            else if (field is RelationField relation && !await RelationTargetsExistAsync(session, schema, relation, bound.Values[field.Name], cancellationToken))
            {
                errors.Add(field.Name, new ValidationError("validation_missing_rel_records", "Failed to find all relation records with the provided ids."));
            }
        }

        return errors;
    }

    /// <summary>The error on <c>verified</c> when a caller who is neither superuser nor manager sets or changes it.</summary>
    internal static ValidationError VerifiedNotSettable() =>
        new("validation_values_mismatch", "Only superusers and managers can change the verified state.");

    /// <summary>
    /// PocketBase's auth form checks: <c>password</c> and <c>passwordConfirm</c> are required on create and whenever either
    /// (or <c>oldPassword</c>) is sent, the confirmation must match, and without manage access <c>verified</c> and
    /// <c>email</c> cannot change and a password change needs the right <c>oldPassword</c>.
    /// </summary>
    private ValidationErrors ValidateAuthForm(BoundRecord bound, RecordRow? existing, RequestInfo info, bool isManager)
    {
        var errors = new ValidationErrors();
        var privileged = info.IsSuperuser || isManager;
        var isNew = existing is null;
        var password = bound.Changed.Contains("password") ? bound.Values["password"] as string ?? "" : "";
        var confirm = bound.PasswordConfirm ?? "";
        var oldPassword = bound.OldPassword ?? "";

        if (!privileged && existing is not null && bound.Changed.Contains("email") &&
            !string.Equals(bound.Values["email"] as string, existing.GetString("email"), StringComparison.Ordinal))
        {
            errors.Add("email", new ValidationError("validation_values_mismatch", "Use the email change flow to change the email address."));
        }

        var verifiedBefore = existing is not null && Equals(existing.Values["verified"], true);
        if (!privileged && (existing is null || bound.Changed.Contains("verified")) && Equals(bound.Values["verified"], true) != verifiedBefore)
        {
            errors.Add("verified", VerifiedNotSettable());
        }

        if (password.Length == 0 && (isNew || confirm.Length > 0 || oldPassword.Length > 0))
        {
            errors.Add("password", ValidationError.Required());
        }

        if (confirm.Length == 0 && (isNew || password.Length > 0 || oldPassword.Length > 0))
        {
            errors.Add("passwordConfirm", ValidationError.Required());
        }
        else if (!string.Equals(confirm, password, StringComparison.Ordinal))
        {
            errors.Add("passwordConfirm", new ValidationError("validation_values_mismatch", "Values don't match."));
        }

        if (existing is not null && !privileged && (password.Length > 0 || confirm.Length > 0))
        {
            if (oldPassword.Length == 0)
            {
                errors.Add("oldPassword", ValidationError.Required());
            }
            else if (hasher.Verify(oldPassword, existing.GetString("password")) == PasswordVerification.Failed)
            {
                errors.Add("oldPassword", new ValidationError("validation_invalid_old_password", "Missing or invalid old password."));
            }
        }

        return errors;
    }

    private static async Task<bool> RelationTargetsExistAsync(DbSession session, SchemaSnapshot schema, RelationField relation, object? value, CancellationToken cancellationToken)
    {
        var ids = RecordRelations.Ids(value);
        if (ids.Count == 0)
        {
            return true;
        }

        if (schema.Find(relation.CollectionId) is not { } target)
        {
            return false;
        }

        var dialect = session.Dialect;
        var parameters = ids.Select((_, i) => "@rel" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sql = $"SELECT COUNT(*) FROM {dialect.QuoteIdentifier(target.Name)} WHERE {dialect.QuoteIdentifier("id")} IN ({string.Join(", ", parameters)})";
        await using var command = session.Command(sql);
        for (var i = 0; i < ids.Count; i++)
        {
            command.AddParameter(parameters[i], ids[i]);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == ids.Count;
    }
}
