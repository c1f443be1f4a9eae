using System.Text.Json.Nodes;
using SharpBase.Core.Schema;
using SharpBase.Storage.Import;

namespace SharpBase.Core.Import;

/// <summary>PocketBase's <c>_collections</c> rows as the collection JSON the collections API reads.</summary>
internal static class PocketBaseCollections
{
    /// <summary>PocketBase's own system collections: SharpBase creates each of them itself, so they are never imported.</summary>
    public static readonly IReadOnlySet<string> Internal = new HashSet<string>([SystemCollections.SuperusersName, .. SystemCollections.AuxiliaryNames], StringComparer.Ordinal);

    /// <summary>
    /// The collection JSON of a row: PocketBase keeps the type options (auth options, <c>viewQuery</c>) in an
    /// <c>options</c> column, while its JSON puts them beside the common keys.
    /// </summary>
    public static JsonObject ToJson(PocketBaseCollectionRow row)
    {
        var json = ParseObject(row.Options, row.Name, "options");
        json["id"] = row.Id;
        json["name"] = row.Name;
        json["type"] = row.Type;
        json["listRule"] = row.ListRule;
        json["viewRule"] = row.ViewRule;
        json["createRule"] = row.CreateRule;
        json["updateRule"] = row.UpdateRule;
        json["deleteRule"] = row.DeleteRule;
        json["fields"] = ParseArray(row.Fields, row.Name, "fields");
        json["indexes"] = ParseArray(row.Indexes, row.Name, "indexes");
        return json;
    }

    private static JsonObject ParseObject(string text, string collection, string column) =>
        Parse(text, collection, column) as JsonObject ?? throw Malformed(collection, column);

    private static JsonArray ParseArray(string text, string collection, string column) =>
        Parse(text, collection, column) as JsonArray ?? throw Malformed(collection, column);

    private static JsonNode? Parse(string text, string collection, string column)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            throw Malformed(collection, column);
        }
    }

    private static InvalidDataException Malformed(string collection, string column) =>
        new($"The {column} of collection \"{collection}\" in _collections is not valid JSON.");
}
