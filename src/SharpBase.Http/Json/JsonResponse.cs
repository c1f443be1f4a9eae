using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SharpBase.Http.Json;

/// <summary>Success responses: JSON with the <c>fields</c> filter applied, or 204 with no body.</summary>
public static class JsonResponse
{
    /// <summary>A 200 JSON result for a single object.</summary>
    public static IResult Ok(HttpContext context, JsonNode? data) => Write(context, data, isList: false);

    /// <summary>A 200 JSON result for a list envelope (<c>fields</c> applies to each item).</summary>
    public static IResult List(HttpContext context, JsonNode data) => Write(context, data, isList: true);

    /// <summary>A list envelope <c>{page, perPage, totalItems, totalPages, items}</c>.</summary>
    public static JsonObject Envelope(int page, int perPage, long totalItems, IEnumerable<JsonNode?> items) => new()
    {
        ["page"] = page,
        ["perPage"] = perPage,
        ["totalItems"] = totalItems,
        ["totalPages"] = totalItems < 0 ? -1 : (long)Math.Ceiling(totalItems / (double)perPage),
        ["items"] = new JsonArray(items.ToArray()),
    };

    private static IResult Write(HttpContext context, JsonNode? data, bool isList)
    {
        var filtered = FieldsFilter.Apply(data, context.Request.Query["fields"].ToString(), isList);
        return Results.Text(filtered?.ToJsonString(HttpJson.Options) ?? "null", "application/json", System.Text.Encoding.UTF8, 200);
    }
}
