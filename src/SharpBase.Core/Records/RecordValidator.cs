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
/// Checks a bound record before it is written: every field's own checks, relation targets that must exist, and the
/// auth-record rules (password confirmation, verified and email changes, the old password). Reports every error at once.
/// </summary>
public sealed class RecordValidator(PasswordHasher hasher)
{
    /// <summary>Every field's checks, relation targets that must exist, and the auth-record rules; all errors at once.</summary>
    public async Task<ValidationErrors> ValidateAsync(DbSession session, SchemaSnapshot schema, Collection collection, BoundRecord bound, RecordRow? existing, RequestInfo info,
        bool isManager, CancellationToken cancellationToken)
    {
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

        if (collection.Type == CollectionType.Auth)
        {
            ValidateAuthRecord(bound, existing, info, isManager, errors);
        }

        return errors;
    }

    /// <summary>The error on <c>verified</c> when a caller who is neither superuser nor manager sets it on a new record.</summary>
    internal static ValidationError VerifiedNotSettable() =>
        new("validation_values_mismatch", "Only superusers and managers can set the verified state.");

    private void ValidateAuthRecord(BoundRecord bound, RecordRow? existing, RequestInfo info, bool isManager, ValidationErrors errors)
    {
        var privileged = info.IsSuperuser || isManager;
        var passwordChanged = bound.Changed.Contains("password");
        if (existing is null || passwordChanged)
        {
            if (!string.Equals(bound.PasswordConfirm ?? "", bound.Values["password"] as string ?? "", StringComparison.Ordinal))
            {
                errors.Add("passwordConfirm", new ValidationError("validation_values_mismatch", "Values don't match."));
            }
        }

        if (existing is null)
        {
            if (bound.Values["verified"] is true && !privileged)
            {
                errors.Add("verified", VerifiedNotSettable());
            }

            return;
        }

        if (privileged)
        {
            return;
        }

        if (bound.Changed.Contains("email") && !string.Equals(bound.Values["email"] as string, existing.GetString("email"), StringComparison.Ordinal))
        {
            errors.Add("email", new ValidationError("validation_values_mismatch", "Use the email change flow to change the email address."));
        }

        if (bound.Changed.Contains("verified") && !Equals(bound.Values["verified"], existing.Values["verified"]))
        {
            errors.Add("verified", new ValidationError("validation_values_mismatch", "Only superusers and managers can change the verified state."));
        }

        if (passwordChanged && (bound.OldPassword is not { Length: > 0 } old || hasher.Verify(old, existing.GetString("password")) == PasswordVerification.Failed))
        {
            errors.Add("oldPassword", new ValidationError("validation_invalid_old_password", "Missing or invalid old password."));
        }
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
