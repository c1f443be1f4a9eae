using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace SharpBase.Core.Schema;

/// <summary>
/// Reads <c>null</c> in schema JSON the way PocketBase's Go decoder does. Go leaves a plain value (number, bool, string,
/// struct) untouched on null and sets a list or map to nil, and PocketBase writes nil lists as null (<c>thumbs</c>,
/// <c>mimeTypes</c>, <c>oauth2.providers</c>). So null on an option that cannot hold null means its default here; options
/// where null is a value of its own (rules, number bounds, domain lists) keep it.
/// </summary>
internal static class NullOptions
{
    /// <summary>A copy of <paramref name="json"/> without the null members <paramref name="type"/> cannot hold, nested objects included.</summary>
    public static JsonObject WithoutNulls(JsonObject json, Type type)
    {
        var copy = json.DeepClone().AsObject();
        Strip(copy, CollectionJson.Options.GetTypeInfo(type));
        return copy;
    }

    private static void Strip(JsonObject json, JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            // Schema JSON is read case-insensitively (JsonSerializerDefaults.Web), so every spelling of the key counts.
            var keys = json.Where(member => string.Equals(member.Key, property.Name, StringComparison.OrdinalIgnoreCase)).Select(m => m.Key).ToList();
            foreach (var key in keys)
            {
                if (json[key] is null)
                {
                    if (!property.IsSetNullable)
                    {
                        json.Remove(key);
                    }
                }
                else if (json[key] is JsonObject nested && CollectionJson.Options.GetTypeInfo(property.PropertyType) is { Kind: JsonTypeInfoKind.Object } nestedInfo)
                {
                    Strip(nested, nestedInfo);
                }
            }
        }
    }
}
