using System.Globalization;
using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Migrations;

namespace SharpBase.Core.Schema;

public sealed partial class CollectionService
{
    /// <summary>
    /// Replaces or creates every collection in <paramref name="collections"/> (matched by id, then name) and, with
    /// <paramref name="deleteMissing"/>, deletes the non-system collections not listed; all in one transaction.
    /// </summary>
    public async Task ImportAsync(JsonArray collections, bool deleteMissing, CancellationToken cancellationToken)
    {
        using var _ = await applier.LockAsync(cancellationToken);
        var current = registry.Current;
        var errors = new ValidationErrors();
        var itemErrors = errors.Nested("collections");
        var prepared = new List<(Collection? Previous, Collection Next)>();
        for (var i = 0; i < collections.Count; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            if (collections[i] is not JsonObject json)
            {
                itemErrors.Add(key, ValidationError.Invalid("Must be a collection object."));
                continue;
            }

            var shape = itemErrors.Nested(key);
            var parsed = CollectionJson.FromJson(json, shape, trusted: false);
            var previous = (parsed.Id.Length > 0 ? current.Find(parsed.Id) : null) ?? current.Find(parsed.Name);
            prepared.Add((previous, previous is null ? normalizer.ForCreate(parsed, addTimestamps: false) : normalizer.ForUpdate(parsed, previous)));
        }

        var kept = prepared.Select(p => p.Next.Id).ToHashSet(StringComparer.Ordinal);
        var removed = deleteMissing ? current.Collections.Where(c => !c.System && !kept.Contains(c.Id)).ToList() : [];
        var target = new SchemaSnapshot(current.Collections.Where(c => !kept.Contains(c.Id) && !removed.Contains(c)).Concat(prepared.Select(p => p.Next)));
        for (var i = 0; i < prepared.Count && errors.IsEmpty; i++)
        {
            var (previous, next) = prepared[i];
            var found = CollectionValidator.Validate(next, previous, target);
            if (!found.IsEmpty)
            {
                itemErrors.Nested(i.ToString(CultureInfo.InvariantCulture)).Merge(found);
            }
        }

        if (!errors.IsEmpty)
        {
            throw new BadRequestException("Failed to import collections.", errors);
        }

        var changes = prepared.Where(p => p.Previous is null || Differs(p.Previous, p.Next)).Select(p => new CollectionChange(p.Previous, p.Next))
            .Concat(removed.Select(c => new CollectionChange(c, null))).ToArray();
        if (changes.Length > 0)
        {
            await ApplyAndRecordAsync(changes, cancellationToken);
        }
    }

    /// <summary>
    /// True when the import changes the collection. Compared as JSON values, not text: PostgreSQL's jsonb gives back object
    /// keys in its own order (an OAuth2 provider's, for one), which must not count as a change.
    /// </summary>
    internal static bool Differs(Collection previous, Collection next) =>
        !JsonNode.DeepEquals(CollectionJson.ToJson(previous with { Updated = next.Updated }, includeSecrets: true),
            CollectionJson.ToJson(next, includeSecrets: true));
}
