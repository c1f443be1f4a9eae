using System.Globalization;
using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Migrations;

namespace SharpBase.Core.Schema;

public sealed partial class CollectionService
{
    /// <summary>
    /// Replaces or creates every collection in <paramref name="collections"/> (matched by id, then name) in one transaction,
    /// as PocketBase's import does: a listed existing collection gets the listed keys merged onto it, and keeps its unlisted
    /// fields unless <paramref name="deleteMissing"/>. With <paramref name="deleteMissing"/> the unlisted non-system
    /// collections are deleted first, whatever relations or views point at them; the result is then validated as a whole.
    /// </summary>
    public async Task ImportAsync(JsonArray collections, bool deleteMissing, CancellationToken cancellationToken)
    {
        using var _ = await applier.LockAsync(cancellationToken);
        var current = registry.Current;
        var errors = new ValidationErrors();
        var itemErrors = errors.Nested("collections");
        var prepared = new List<(string Key, Collection? Previous, Collection Next)>();
        for (var i = 0; i < collections.Count; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            if (collections[i] is not JsonObject json)
            {
                itemErrors.Add(key, ValidationError.Invalid("Must be a collection object."));
                continue;
            }

            var shape = itemErrors.Nested(key);
            var previous = FindImported(current, json);
            var next = previous is null
                ? normalizer.ForCreate(CollectionJson.FromJson(json, shape, trusted: false))
                : normalizer.ForUpdate(ImportOnto(previous, json, deleteMissing, shape), previous);
            prepared.Add((key, previous, next));
        }

        var kept = prepared.Select(p => p.Next.Id).ToHashSet(StringComparer.Ordinal);
        var removed = deleteMissing ? current.Collections.Where(c => !c.System && !kept.Contains(c.Id)).ToList() : [];
        var target = new SchemaSnapshot(current.Collections.Where(c => !kept.Contains(c.Id) && !removed.Contains(c)).Concat(prepared.Select(p => p.Next)));
        foreach (var (key, previous, next) in prepared.TakeWhile(_ => errors.IsEmpty))
        {
            var found = CollectionValidator.Validate(next, previous, target);
            if (!found.IsEmpty)
            {
                itemErrors.Nested(key).Merge(found);
            }
        }

        if (!errors.IsEmpty)
        {
            throw new BadRequestException("Failed to import collections.", errors);
        }

        // Deletions go first (views before the tables they read) so a deleted name can be reused and no dropped column or
        // table is still read by a view; saved views go last, as PocketBase orders them, since they read the tables.
        var changes = removed.OrderBy(c => c.Type == CollectionType.View ? 0 : 1).Select(c => new CollectionChange(c, null))
            .Concat(prepared.Where(p => p.Previous is null || Differs(p.Previous, p.Next))
                .OrderBy(p => p.Next.Type == CollectionType.View ? 1 : 0)
                .Select(p => new CollectionChange(p.Previous, p.Next)))
            .ToArray();
        if (changes.Length > 0)
        {
            await ApplyAndRecordAsync(changes, cancellationToken);
        }
    }

    private static Collection? FindImported(SchemaSnapshot current, JsonObject json)
    {
        var id = json["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) ? text : "";
        var name = json["name"] is JsonValue nameValue && nameValue.TryGetValue<string>(out var named) ? named : "";
        return (id.Length > 0 ? current.Find(id) : null) ?? (name.Length > 0 ? current.Find(name) : null);
    }

    /// <summary>
    /// The imported JSON merged onto an existing collection. Fields the import does not list (by id or name) are kept,
    /// unless <paramref name="deleteMissing"/>, which keeps only system fields; with it, no <c>fields</c> key means none.
    /// </summary>
    private static Collection ImportOnto(Collection previous, JsonObject json, bool deleteMissing, ValidationErrors errors)
    {
        var patch = json.DeepClone().AsObject();
        if (deleteMissing && !patch.ContainsKey("fields"))
        {
            patch["fields"] = new JsonArray();
        }

        var parsed = MergeOnto(previous, patch, errors);
        if (parsed.Type != previous.Type)
        {
            errors.Add("type", TypeChangeError());
        }

        var unlisted = previous.Fields.Where(f => (!deleteMissing || f.System) &&
            parsed.Fields.All(n => n.Id != f.Id && !string.Equals(n.Name, f.Name, StringComparison.OrdinalIgnoreCase)));
        return parsed with { Fields = [.. parsed.Fields, .. unlisted] };
    }

    /// <summary>
    /// True when the import changes the collection. Compared as JSON values, not text: PostgreSQL's jsonb gives back object
    /// keys in its own order (an OAuth2 provider's, for one), which must not count as a change.
    /// </summary>
    internal static bool Differs(Collection previous, Collection next) =>
        !JsonNode.DeepEquals(CollectionJson.ToJson(previous with { Updated = next.Updated }, includeSecrets: true),
            CollectionJson.ToJson(next, includeSecrets: true));
}
