using System.Globalization;
using SharpBase.Core.Errors;

namespace SharpBase.Core.Schema;

/// <summary>Checks a collection's index strings: they parse, name existing fields, and their names are unique in the database.</summary>
internal static class CollectionIndexValidator
{
    public static void Validate(Collection collection, SchemaSnapshot target, ValidationErrors errors)
    {
        if (collection.Type == CollectionType.View)
        {
            if (collection.Indexes.Count > 0)
            {
                errors.Add("indexes", new ValidationError("validation_indexes_not_allowed", "View collections cannot have indexes."));
            }

            return;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var otherIndexNames = new HashSet<string>(
            target.Collections.Where(c => c.Id != collection.Id).SelectMany(c => c.Indexes)
                .Select(i => IndexDefinition.TryParse(i, out _)?.Name).OfType<string>(),
            StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < collection.Indexes.Count; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            var spec = IndexDefinition.TryParse(collection.Indexes[i], out var reason);
            if (spec is null)
            {
                errors.Nested("indexes").Add(key, new ValidationError("validation_invalid_index_expression", reason));
                continue;
            }

            if (!CollectionValidator.WordPattern().IsMatch(spec.Name) || spec.Name.Length > 100 ||
                spec.Name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase))
            {
                errors.Nested("indexes").Add(key, new ValidationError("validation_invalid_index_expression", "Invalid index name."));
            }
            else if (!names.Add(spec.Name))
            {
                errors.Nested("indexes").Add(key, new ValidationError("validation_duplicated_index_name", "The index name already exists."));
            }
            else if (otherIndexNames.Contains(spec.Name) || target.Find(spec.Name) is not null)
            {
                errors.Nested("indexes").Add(key, new ValidationError("validation_existing_index_name", "The index name is already used by another collection or table."));
            }

            var missing = spec.Columns.Select(c => c.Name).Concat(spec.Where.Select(w => w.Column))
                .FirstOrDefault(name => collection.Fields.All(f => f.Name != name));
            if (missing is not null)
            {
                errors.Nested("indexes").Add(key, new ValidationError("validation_invalid_index_expression",
                    $"The index refers to \"{missing}\", which is not a field of the collection."));
            }
        }
    }
}
