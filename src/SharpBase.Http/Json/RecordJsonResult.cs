using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SharpBase.Core.Records;

namespace SharpBase.Http.Json;

/// <summary>
/// Writes records (one, or a list envelope) straight to the response with <see cref="Utf8JsonWriter"/>, no DOM, the hot
/// path of list and view. With a <c>fields</c> parameter the response is reshaped through the DOM instead.
/// </summary>
public sealed class RecordJsonResult : IResult
{
    private readonly RecordPage? _page;
    private readonly RecordRow? _record;
    private readonly RecordAudience _audience;

    private RecordJsonResult(RecordPage? page, RecordRow? record, RecordAudience audience) => (_page, _record, _audience) = (page, record, audience);

    /// <summary>A list envelope.</summary>
    public static IResult List(HttpContext context, RecordPage page, RecordAudience audience) =>
        HasFields(context)
            ? JsonResponse.List(context, JsonResponse.Envelope(page.Page, page.PerPage, page.TotalItems, page.Items.Select(r => (JsonNode?)RecordJson.ToJson(r, audience))))
            : new RecordJsonResult(page, null, audience);

    /// <summary>One record.</summary>
    public static IResult One(HttpContext context, RecordRow record, RecordAudience audience) =>
        HasFields(context) ? JsonResponse.Ok(context, RecordJson.ToJson(record, audience)) : new RecordJsonResult(null, record, audience);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, RecordJson.Options);
        if (_page is { } page)
        {
            writer.WriteStartObject();
            writer.WriteNumber("page", page.Page);
            writer.WriteNumber("perPage", page.PerPage);
            writer.WriteNumber("totalItems", page.TotalItems);
            writer.WriteNumber("totalPages", page.TotalItems < 0 ? -1 : (long)Math.Ceiling(page.TotalItems / (double)page.PerPage));
            writer.WriteStartArray("items");
            foreach (var item in page.Items)
            {
                RecordJson.Write(writer, item, _audience);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            RecordJson.Write(writer, _record!, _audience);
        }

        await writer.FlushAsync(httpContext.RequestAborted);
    }

    private static bool HasFields(HttpContext context) => !string.IsNullOrWhiteSpace(context.Request.Query["fields"]);
}
