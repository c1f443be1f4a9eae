using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Errors;
using SharpBase.Core.Query.InMemory;
using SharpBase.Core.Schema;
using SharpBase.Http.Body;
using SharpBase.Http.Json;
using SharpBase.Http.Middleware;

namespace SharpBase.Http.Endpoints.Collections;

/// <summary>The collections API (superusers only): list, view, create, update, delete, import, truncate, scaffolds.</summary>
public static class CollectionEndpoints
{
    /// <summary>Maps the collections routes.</summary>
    public static IEndpointRouteBuilder MapCollectionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/collections").WithTags("collections")
            .RequiresAccess(EndpointAccess.Superuser)
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.RequireSuperuser();
                return await next(context);
            });

        group.MapGetAndHead("", List).WithName("collections.list").WithSummary("Lists collections (paged, filterable by name, type, system).");
        group.MapPost("", CreateAsync).WithName("collections.create").WithSummary("Creates a collection and its table.");
        group.MapPut("/import", ImportAsync).WithName("collections.import").WithSummary("Creates or replaces collections in one transaction.");
        group.MapGetAndHead("/meta/scaffolds", Scaffolds).WithName("collections.scaffolds").WithSummary("Blank collections of each type, with defaults.");
        group.MapGetAndHead("/{idOrName}", View).WithName("collections.view").WithSummary("Returns one collection.");
        group.MapPatch("/{idOrName}", UpdateAsync).WithName("collections.update").WithSummary("Changes a collection and alters its table.");
        group.MapDelete("/{idOrName}", DeleteAsync).WithName("collections.delete").WithSummary("Deletes a collection and its table.");
        group.MapDelete("/{idOrName}/truncate", TruncateAsync).WithName("collections.truncate").WithSummary("Deletes every record of a collection.");
        return routes;
    }

    private static IResult List(HttpContext context, SchemaRegistry registry)
    {
        var paging = Paging.From(context.Request.Query);
        var matches = CollectionQuery.Apply(registry.Current.Collections, context.Request.Query["filter"], context.Request.Query["sort"]);
        var items = matches.Skip((paging.Page - 1) * paging.PerPage).Take(paging.PerPage).Select(c => (JsonNode?)CollectionJson.ToJson(c, includeSecrets: false));
        var total = paging.SkipTotal ? -1 : matches.Count;
        return JsonResponse.List(context, JsonResponse.Envelope(paging.Page, paging.PerPage, total, items));
    }

    private static IResult View(HttpContext context, string idOrName, CollectionService collections) =>
        JsonResponse.Ok(context, CollectionJson.ToJson(collections.Get(idOrName), includeSecrets: false));

    private static async Task<IResult> CreateAsync(HttpContext context, CollectionService collections)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var created = await collections.CreateAsync(body, context.RequestAborted);
        return JsonResponse.Ok(context, CollectionJson.ToJson(created, includeSecrets: false));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string idOrName, CollectionService collections)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var updated = await collections.UpdateAsync(idOrName, body, context.RequestAborted);
        return JsonResponse.Ok(context, CollectionJson.ToJson(updated, includeSecrets: false));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string idOrName, CollectionService collections)
    {
        await collections.DeleteAsync(idOrName, context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> TruncateAsync(HttpContext context, string idOrName, CollectionService collections)
    {
        await collections.TruncateAsync(idOrName, RequestInfoFactory.Create(context), context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> ImportAsync(HttpContext context, CollectionService collections)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        if (body["collections"] is not JsonArray list || list.Count == 0)
        {
            throw new BadRequestException("Failed to import collections.",
                new ValidationErrors().Add("collections", ValidationError.Required()));
        }

        var deleteMissing = body["deleteMissing"] is JsonValue flag && flag.TryGetValue<bool>(out var b) && b;
        await collections.ImportAsync(list, deleteMissing, context.RequestAborted);
        return Results.NoContent();
    }

    private static IResult Scaffolds(HttpContext context)
    {
        JsonObject Blank(CollectionType type)
        {
            var json = CollectionJson.ToJson(new Collection
            {
                Type = type,
                Fields = SystemFields.For(type),
                Auth = type == CollectionType.Auth ? new AuthOptions() : null,
                ListRule = null,
            }, includeSecrets: false);
            json["created"] = "";
            json["updated"] = "";
            return json;
        }

        return JsonResponse.Ok(context, new JsonObject
        {
            ["auth"] = Blank(CollectionType.Auth),
            ["base"] = Blank(CollectionType.Base),
            ["view"] = Blank(CollectionType.View),
        });
    }
}
