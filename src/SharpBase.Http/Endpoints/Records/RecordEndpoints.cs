using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SharpBase.Core.Records;
using SharpBase.Http.Body;
using SharpBase.Http.Hosting;
using SharpBase.Http.Json;
using SharpBase.Http.Middleware;

namespace SharpBase.Http.Endpoints.Records;

/// <summary>
/// <c>/api/collections/{collection}/records[/{id}]</c>: list, view, create, update, delete. Endpoints only parse and shape;
/// rules, validation and expand live in <see cref="RecordService"/>.
/// </summary>
public static class RecordEndpoints
{
    /// <summary>Maps the record routes.</summary>
    public static IEndpointRouteBuilder MapRecordEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/collections/{collection}/records").WithTags("records");
        group.MapGetAndHead("", ListAsync).WithName("records.list").WithSummary("Lists records under the list rule, with filter, sort, expand and fields.")
            .RequiresAccess(EndpointAccess.DecidedBy(CollectionApiRule.ListRule));
        group.MapPost("", CreateAsync).WithName("records.create").WithSummary("Creates a record.")
            .RequiresAccess(EndpointAccess.DecidedBy(CollectionApiRule.CreateRule));
        group.MapGetAndHead("/{id}", ViewAsync).WithName("records.view").WithSummary("Returns one record under the view rule.")
            .RequiresAccess(EndpointAccess.DecidedBy(CollectionApiRule.ViewRule));
        group.MapPatch("/{id}", UpdateAsync).WithName("records.update").WithSummary("Updates a record.")
            .RequiresAccess(EndpointAccess.DecidedBy(CollectionApiRule.UpdateRule));
        group.MapDelete("/{id}", DeleteAsync).WithName("records.delete").WithSummary("Deletes a record; relations cascade or are cleared.")
            .RequiresAccess(EndpointAccess.DecidedBy(CollectionApiRule.DeleteRule));
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext context, string collection, RecordService records)
    {
        var target = records.Resolve(collection);
        var paging = Paging.From(context.Request.Query);
        var query = context.Request.Query;
        var request = new RecordListRequest(paging.Page, paging.PerPage, paging.SkipTotal, query["filter"], query["sort"]);
        var result = await records.ListAsync(target, new RecordListQuery(request, query["expand"]), RequestInfoFactory.Create(context), context.RequestAborted);
        return RecordJsonResult.List(context, result.Page, result.Audience);
    }

    private static async Task<IResult> ViewAsync(HttpContext context, string collection, string id, RecordService records)
    {
        var target = records.Resolve(collection);
        var result = await records.ViewAsync(target, id, context.Request.Query["expand"], RequestInfoFactory.Create(context), context.RequestAborted);
        return RecordJsonResult.One(context, result.Record, result.Audience);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, string collection, RecordService records, IOptions<ServerOptions> server)
    {
        var target = records.Resolve(collection);
        RequestBodyLimit.Set(context, RecordBodyLimit.For(target.Collection, server.Value.MaxBodySize));
        var input = await RequestBody.ReadInputAsync(context.Request, context.RequestAborted);
        var info = RequestInfoFactory.Create(context, input.Values);
        var result = await records.CreateAsync(target, input, context.Request.Query["expand"], info, context.RequestAborted);
        return RecordJsonResult.One(context, result.Record, result.Audience);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string collection, string id, RecordService records, IOptions<ServerOptions> server)
    {
        var target = records.Resolve(collection);
        RequestBodyLimit.Set(context, RecordBodyLimit.For(target.Collection, server.Value.MaxBodySize));
        var input = await RequestBody.ReadInputAsync(context.Request, context.RequestAborted);
        var info = RequestInfoFactory.Create(context, input.Values);
        var result = await records.UpdateAsync(target, id, input, context.Request.Query["expand"], info, context.RequestAborted);
        return RecordJsonResult.One(context, result.Record, result.Audience);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string collection, string id, RecordService records)
    {
        var target = records.Resolve(collection);
        await records.DeleteAsync(target, id, RequestInfoFactory.Create(context), context.RequestAborted);
        return Results.NoContent();
    }
}
