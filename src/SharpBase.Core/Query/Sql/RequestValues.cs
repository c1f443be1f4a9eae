using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharpBase.Core.Query.Sql;

/// <summary>Reads <c>@request.*</c> values the way PocketBase's extractNestedVal and cast helpers do.</summary>
internal static class RequestValues
{
    /// <summary>The value at <paramref name="path"/> (<c>["body", "a", "0"]</c>); false when a key is missing.</summary>
    public static bool TryExtract(RequestInfo request, IReadOnlyList<string> path, out object? value)
    {
        value = null;
        switch (path[0])
        {
            case "context" when path.Count == 1:
                value = request.Context;
                return true;
            case "method" when path.Count == 1:
                value = request.Method;
                return true;
            case "query" or "headers" when path.Count == 2:
                var map = path[0] == "query" ? request.Query : request.Headers;
                if (!map.TryGetValue(path[1], out var text))
                {
                    return false;
                }

                value = text;
                return true;
            case "body" when path.Count >= 2:
                return TryNavigate(request.Body, path.Skip(1), out value);
            case "auth" when path.Count == 2 && request.Auth is { } auth:
                value = path[1] switch
                {
                    "id" => auth.Id,
                    "collectionId" => auth.Collection.Id,
                    "collectionName" => auth.Collection.Name,
                    "email" => auth.GetString("email"),
                    "emailVisibility" or "verified" => auth.GetBool(path[1]),
                    _ => null,
                };
                return value is not null;
            default:
                return false;
        }
    }

    /// <summary>An item list: none for null, the items of an array, else the value alone.</summary>
    public static List<JsonNode?> ToSlice(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array],
        _ => [node],
    };

    private static bool TryNavigate(JsonNode? node, IEnumerable<string> keys, out object? value)
    {
        value = null;
        foreach (var key in keys)
        {
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(key, out var child):
                    node = child;
                    break;
                case JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    node = array[index];
                    break;
                default:
                    return false;
            }
        }

        value = Plain(node) ?? (node is null ? null : node.ToJsonString());
        return true;
    }

    /// <summary>A JSON scalar as string, double or bool; null for JSON null, objects and arrays.</summary>
    private static object? Plain(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.TryGetValue<double>(out var d) ? d : double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
