using System.Text.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema;
using SharpBase.Storage.Import;

namespace SharpBase.Core.Import;

public sealed partial class PocketBaseImporter
{
    private static readonly string[] ViewKeys = ["name", "type", "viewQuery", "listRule", "viewRule", "createRule", "updateRule", "deleteRule"];

    /// <summary>
    /// Imports the base and auth collections in one transaction (relations between them resolve together; a fresh
    /// database's default <c>users</c> is replaced by PocketBase's, which has the same id), then each view on its own: a
    /// view whose SQL this database cannot run is listed as not carried over instead of failing the import.
    /// </summary>
    /// <returns>True when the schema changed.</returns>
    private async Task<bool> ImportCollectionsAsync(IReadOnlyList<PocketBaseCollectionRow> rows, TextWriter output, List<string> notCarried,
        CancellationToken cancellationToken)
    {
        var wanted = rows.Where(r => !PocketBaseCollections.Internal.Contains(r.Name)).ToList();
        var before = registry.Current;

        var tables = wanted.Where(r => r.Type != "view").ToList();
        if (tables.Count > 0)
        {
            try
            {
                await collections.ImportAsync(new JsonArray(tables.Select(r => (JsonNode?)PocketBaseCollections.ToJson(r)).ToArray()), deleteMissing: false,
                    cancellationToken);
            }
            catch (ApiException exception) when (!exception.Errors.IsEmpty)
            {
                throw new ImportRefusedException("PocketBase's collections do not pass SharpBase's checks, so nothing was imported: " + Describe(exception, tables));
            }
        }

        foreach (var view in wanted.Where(r => r.Type == "view"))
        {
            // A view's fields are inferred from its query when it is saved, so PocketBase's field list never equals the
            // stored one: a view already here with the same name, query and rules is left alone, which keeps a rerun a no-op.
            var json = PocketBaseCollections.ToJson(view);
            if (registry.Current.Find(view.Id) is { } existing && SameView(existing, json))
            {
                continue;
            }

            try
            {
                await collections.ImportAsync([json], deleteMissing: false, cancellationToken);
            }
            catch (ApiException exception)
            {
                notCarried.Add($"view \"{view.Name}\": {Describe(exception, [view])}");
            }
        }

        var after = registry.Current;
        var created = wanted.Count(r => before.Find(r.Id) is null && after.Find(r.Id) is not null);
        var unchanged = wanted.Count(r => before.Find(r.Id) is { } old && after.Find(r.Id) is { } now && !CollectionService.Differs(old, now));
        await output.WriteLineAsync($"collections: {created} created, {wanted.Count(r => after.Find(r.Id) is not null) - created - unchanged} updated, {unchanged} unchanged");
        return !ReferenceEquals(before, after);
    }

    private static bool SameView(Collection existing, JsonObject source)
    {
        var stored = CollectionJson.ToJson(existing, includeSecrets: false);
        return ViewKeys.All(key => JsonNode.DeepEquals(stored[key], source[key]));
    }


    /// <summary>The errors of a refused import with each collection named instead of its position in the list.</summary>
    private static string Describe(ApiException exception, List<PocketBaseCollectionRow> rows)
    {
        if (exception.Errors.IsEmpty)
        {
            return exception.Message;
        }

        var data = JsonSerializer.SerializeToNode(exception.Errors.ToData(), CollectionJson.Options)!.AsObject();
        if (data["collections"] is not JsonObject byIndex)
        {
            return data.ToJsonString(CollectionJson.Options);
        }

        return string.Join("; ", byIndex.Select(entry =>
            $"\"{(int.TryParse(entry.Key, out var i) && i < rows.Count ? rows[i].Name : entry.Key)}\" {entry.Value?.ToJsonString(CollectionJson.Options)}"));
    }
}
