using System.Text.RegularExpressions;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Schema;

/// <summary>
/// Checks a normalized collection against the schema it will join, collecting every error (as YARP's
/// ConfigValidator does) so a client sees all problems at once.
/// </summary>
public static partial class CollectionValidator
{
    /// <summary>Names of internal tables that collections may not take.</summary>
    public static readonly IReadOnlySet<string> ReservedNames =
        new HashSet<string>(["_collections", "_params", "_migrations", "_sessions", "_refreshTokens", "_authTokens"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> ReservedFieldNames =
        new(["null", "true", "false", "_rowid_", "expand", "collectionId", "collectionName"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> ReservedAuthFieldNames = new(["passwordConfirm", "oldPassword"], StringComparer.Ordinal);

    /// <summary>Validates <paramref name="collection"/> (already normalized) against <paramref name="target"/>, the schema after the change.</summary>
    public static ValidationErrors Validate(Collection collection, Collection? previous, SchemaSnapshot target)
    {
        var errors = new ValidationErrors();
        var context = new SchemaValidationContext(collection, previous, target);
        ValidateIdentity(collection, previous, target, errors);
        ValidateFields(context, errors);
        CollectionIndexValidator.Validate(collection, target, errors);
        ValidateTypeSpecific(collection, previous, errors);
        return errors;
    }

    private static void ValidateIdentity(Collection collection, Collection? previous, SchemaSnapshot target, ValidationErrors errors)
    {
        if (!WordPattern().IsMatch(collection.Id) || collection.Id.Length > 100)
        {
            errors.Add("id", new ValidationError("validation_match_invalid", "Must be in a valid format."));
        }
        else if (previous is null && target.Collections.Any(c => c.Id == collection.Id && !ReferenceEquals(c, collection)))
        {
            errors.Add("id", ValidationError.NotUnique());
        }

        if (collection.Name.Length == 0)
        {
            errors.Add("name", ValidationError.Required());
        }
        else if (collection.Name.Contains("_via_", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("name", new ValidationError("validation_found_via", "The value cannot contain \"_via_\"."));
        }
        else if (!WordPattern().IsMatch(collection.Name) || collection.Name.Length > 255)
        {
            errors.Add("name", new ValidationError("validation_match_invalid", "Must be in a valid format."));
        }
        else if (target.Collections.Any(c => c.Id != collection.Id && string.Equals(c.Name, collection.Name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("name", new ValidationError("validation_collection_name_exists", "Collection name must be unique (case insensitive)."));
        }
        else if (target.Collections.Any(c => c.Id != collection.Id && c.Id == collection.Name))
        {
            errors.Add("name", new ValidationError("validation_collection_name_id_duplicate", "The name must not match an existing collection id."));
        }
        else if (ReservedNames.Contains(collection.Name) ||
                 collection.Name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase) || collection.Name.StartsWith("pg_", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("name", new ValidationError("validation_collection_name_invalid", "The name shouldn't match with an existing internal table."));
        }

        if (previous is { System: true })
        {
            if (previous.Name != collection.Name)
            {
                errors.Add("name", new ValidationError("validation_collection_system_name_change", "System collection name cannot be changed."));
            }

            if (previous.ListRule != collection.ListRule || previous.ViewRule != collection.ViewRule || previous.CreateRule != collection.CreateRule ||
                previous.UpdateRule != collection.UpdateRule || previous.DeleteRule != collection.DeleteRule)
            {
                errors.Add("listRule", new ValidationError("validation_collection_system_rule_change", "System collection rules cannot be changed."));
            }
        }
    }

    private static void ValidateFields(SchemaValidationContext context, ValidationErrors errors)
    {
        var collection = context.Collection;
        if (collection.Type == CollectionType.View)
        {
            // A view's fields are inferred from its query when it is saved; entries the client sent are only read for the
            // hidden and presentable flags of columns the query returns, so, as in PocketBase, they are not validated.
            return;
        }

        if (SystemFieldChanged(context))
        {
            // Reported alone, on "fields" as PocketBase does: the clashes it causes (a re-added field's id) are noise.
            errors.Add("fields", new ValidationError("validation_system_field_change", "System fields cannot be deleted, renamed or retyped."));
            return;
        }

        var fieldErrors = errors.Nested("fields");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < collection.Fields.Count; i++)
        {
            var field = collection.Fields[i];
            var key = i.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            if (FieldChangeValidator.IsRefusedTypeChange(field, context.PreviousField(field.Id)))
            {
                // PocketBase reports a type change as the field's error itself (fields.1), with no key inside it.
                fieldErrors.Add(key, FieldChangeValidator.TypeChangeError());
                continue;
            }

            var itemErrors = fieldErrors.Nested(key);
            ValidateFieldName(field, collection, names, itemErrors);
            ValidateFieldId(field, ids, itemErrors);

            if (field.Help.Length > 300)
            {
                itemErrors.Add("help", new ValidationError("validation_length_too_long", "Must be no more than 300 characters."));
            }

            field.ValidateOptions(itemErrors, context);
        }
    }

    /// <summary>
    /// True when a system field of the previous version is gone, renamed or retyped, matched by field id. A renamed field
    /// may share its id with the default field the normalizer put back under the old name, so every holder of the id counts.
    /// </summary>
    private static bool SystemFieldChanged(SchemaValidationContext context) =>
        context.Previous?.Fields.Where(f => f.System).Any(old =>
        {
            var holders = context.Collection.Fields.Where(f => f.Id == old.Id).ToList();
            return holders.Count == 0 || holders.Any(f => f.Name != old.Name || f.Type != old.Type);
        }) ?? false;

    /// <summary>The name checks in PocketBase's order and with its codes; the first failure is the one reported.</summary>
    private static void ValidateFieldName(Field field, Collection collection, HashSet<string> names, ValidationErrors errors)
    {
        if (field.Name.Length == 0)
        {
            errors.Add("name", ValidationError.Required());
        }
        else if (!WordPattern().IsMatch(field.Name) || field.Name.Length > 100)
        {
            errors.Add("name", new ValidationError("validation_match_invalid", "Must be in a valid format."));
        }
        else if (ReservedFieldNames.Contains(field.Name))
        {
            errors.Add("name", new ValidationError("validation_not_in_invalid", "Must not be in list."));
        }
        else if (field.Name.Contains("_via_", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("name", new ValidationError("validation_found_via", "The value cannot contain \"_via_\"."));
        }
        else if (collection.Type == CollectionType.Auth && ReservedAuthFieldNames.Contains(field.Name))
        {
            errors.Add("name", new ValidationError("validation_reserved_field_name", "The field name is reserved and cannot be used."));
        }
        else if (!names.Add(field.Name))
        {
            errors.Add("name", new ValidationError("validation_duplicated_field_name", $"Duplicated or invalid field name {field.Name}"));
        }
    }

    private static void ValidateFieldId(Field field, HashSet<string> ids, ValidationErrors errors)
    {
        if (field.Id.Length == 0)
        {
            errors.Add("id", ValidationError.Required());
        }
        else if (field.Id.Length > 100)
        {
            errors.Add("id", new ValidationError("validation_length_out_of_range", "The length must be between 1 and 100."));
        }
        else if (!ids.Add(field.Id))
        {
            errors.Add("id", new ValidationError("validation_duplicated_field_id", $"Duplicated or invalid field id \"{field.Id}\""));
        }
    }

    private static void ValidateTypeSpecific(Collection collection, Collection? previous, ValidationErrors errors)
    {
        if (previous is not null && previous.Type != collection.Type)
        {
            errors.Add("type", new ValidationError("validation_collection_type_change", "Collection type cannot be changed."));
        }

        if (collection.Type == CollectionType.View)
        {
            if (collection.ViewQuery.Trim().Length == 0)
            {
                errors.Add("viewQuery", ValidationError.Required());
            }

            ViewQuery.Validate(collection.ViewQuery, errors);

            foreach (var (key, rule) in new[] { ("createRule", collection.CreateRule), ("updateRule", collection.UpdateRule), ("deleteRule", collection.DeleteRule) })
            {
                if (rule is not null)
                {
                    errors.Add(key, new ValidationError("validation_nil_rule", "View collections support only list and view rules; this one must be null."));
                }
            }
        }

        if (collection.Auth is { } auth)
        {
            AuthOptionsValidator.Validate(collection, auth, errors);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant)]
    internal static partial Regex WordPattern();
}
