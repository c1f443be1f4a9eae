using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SharpBase.Core.Common;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Schema;

/// <summary>Collections to and from PocketBase's collection JSON.</summary>
public static partial class CollectionJson
{
    /// <summary>The serializer options for schema JSON (camelCase, nulls written).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Set up front (not on first use) because NullOptions reads type metadata before anything is serialized.
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// The collection as JSON. Without <paramref name="includeSecrets"/> token secrets and OAuth2 client
    /// secrets are left out, as on the wire; storage and migration files keep them.
    /// </summary>
    public static JsonObject ToJson(Collection collection, bool includeSecrets)
    {
        // PocketBase's key order (its Go struct order), so clients that compare JSON text see the same document.
        var json = new JsonObject
        {
            ["id"] = collection.Id,
            ["listRule"] = collection.ListRule,
            ["viewRule"] = collection.ViewRule,
            ["createRule"] = collection.CreateRule,
            ["updateRule"] = collection.UpdateRule,
            ["deleteRule"] = collection.DeleteRule,
            ["name"] = collection.Name,
            ["type"] = collection.Type.ToWire(),
            ["fields"] = new JsonArray(collection.Fields.Select(FieldToJson).ToArray<JsonNode?>()),
            ["indexes"] = new JsonArray(collection.Indexes.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            ["created"] = DateTimeText.Format(collection.Created),
            ["updated"] = DateTimeText.Format(collection.Updated),
            ["system"] = collection.System,
        };
        if (collection.Type == CollectionType.View)
        {
            json["viewQuery"] = collection.ViewQuery;
        }

        if (collection.Auth is { } auth)
        {
            var authJson = JsonSerializer.SerializeToNode(auth, Options)!.AsObject();
            if (!includeSecrets)
            {
                RedactSecrets(authJson);
            }

            foreach (var (key, value) in authJson)
            {
                json[key] = value?.DeepClone();
            }
        }

        return json;
    }

    /// <summary>
    /// A field as JSON, its keys (<c>type</c> among them) in ordinal order: PocketBase writes each field through a Go map,
    /// whose keys its encoder sorts.
    /// </summary>
    public static JsonObject FieldToJson(Field field)
    {
        var options = JsonSerializer.SerializeToNode(field, field.GetType(), Options)!.AsObject();
        var sorted = new JsonObject();
        foreach (var (key, value) in options.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray())
        {
            options.Remove(key);
            sorted[key] = value;
        }

        return sorted;
    }

    private static void RedactSecrets(JsonObject authJson)
    {
        foreach (var key in new[] { "authToken", "passwordResetToken", "emailChangeToken", "verificationToken", "fileToken" })
        {
            (authJson[key] as JsonObject)?.Remove("secret");
        }

        if (authJson["oauth2"]?["providers"] is JsonArray providers)
        {
            foreach (var provider in providers.OfType<JsonObject>())
            {
                provider.Remove("clientSecret");
            }
        }
    }
}
