using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Query;
using SharpBase.Core.Records;
using SharpBase.Http.Body;
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
        var group = routes.MapGroup("/api/collections/{collection}/records").WithTags("records");
        group.MapGetAndHead("", ListAsync).WithName("records.list").WithSummary("Lists records under the list rule, with filter, sort, expand and fields.");
        group.MapPost("", CreateAsync).WithName("records.create").WithSummary("Creates a record.");
        group.MapGetAndHead("/{id}", ViewAsync).WithName("records.view").WithSummary("Returns one record under the view rule.");
        group.MapPatch("/{id}", UpdateAsync).WithName("records.update").WithSummary("Updates a record.");
        group.MapDelete("/{id}", DeleteAsync).WithName("records.delete").WithSummary("Deletes a record; relations cascade or are cleared.");
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext context, string collection, RecordService records)
    {
        var target = records.Collection(collection);
        var paging = Paging.From(context.Request.Query);
        var info = RequestInfoFactory.Create(context);
        var request = new RecordListRequest(paging.Page, paging.PerPage, paging.SkipTotal, context.Request.Query["filter"], context.Request.Query["sort"]);
        var page = await records.Database.ReadAsync(async (connection, ct) =>
        {
            var session = new DbSession(connection, null);
            var result = await records.ListAsync(session, target, request, info, ct);
            await records.ExpandAsync(session, result.Items, context.Request.Query["expand"], info, ct);
            return (Page: result, Managed: await records.ManagedIdsAsync(session, target, result.Items, info, ct));
        }, context.RequestAborted);
        return RecordJsonResult.List(context, page.Page, RecordResponses.Audience(context) with { ManagedIds = page.Managed });
    }

    private static async Task<IResult> ViewAsync(HttpContext context, string collection, string id, RecordService records)
    {
        var target = records.Collection(collection);
        var info = RequestInfoFactory.Create(context);
        var record = await records.Database.ReadAsync(async (connection, ct) =>
        {
            var session = new DbSession(connection, null);
            var row = await records.ViewAsync(session, target, id, info, ct);
            await records.ExpandAsync(session, [row], context.Request.Query["expand"], info, ct);
            return (Row: row, Managed: await records.ManagedIdsAsync(session, target, [row], info, ct));
        }, context.RequestAborted);
        return RecordJsonResult.One(context, record.Row, RecordResponses.Audience(context) with { ManagedIds = record.Managed });
    }

    private static async Task<IResult> CreateAsync(HttpContext context, string collection, RecordService records)
    {
        var target = records.Collection(collection);
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var info = RequestInfoFactory.Create(context, body);
        var record = await records.Database.WriteAsync(async (connection, transaction, ct) =>
        {
            var session = new DbSession(connection, transaction);
            var row = await records.CreateAsync(session, target, body, info, ct);
            await records.ExpandAsync(session, [row], context.Request.Query["expand"], info, ct);
            return (Row: row, Managed: await records.ManagedIdsAsync(session, target, [row], info, ct));
        }, context.RequestAborted);
        return RecordJsonResult.One(context, record.Row, RecordResponses.Audience(context) with { ManagedIds = record.Managed });
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string collection, string id, RecordService records)
    {
        var target = records.Collection(collection);
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var info = RequestInfoFactory.Create(context, body);
        var record = await records.Database.WriteAsync(async (connection, transaction, ct) =>
        {
            var session = new DbSession(connection, transaction);
            var row = await records.UpdateAsync(session, target, id, body, info, ct);
            await records.ExpandAsync(session, [row], context.Request.Query["expand"], info, ct);
            return (Row: row, Managed: await records.ManagedIdsAsync(session, target, [row], info, ct));
        }, context.RequestAborted);
        return RecordJsonResult.One(context, record.Row, RecordResponses.Audience(context) with { ManagedIds = record.Managed });
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string collection, string id, RecordService records)
    {
        var target = records.Collection(collection);
        await records.DeleteAsync(target, id, RequestInfoFactory.Create(context), context.RequestAborted);
        return Results.NoContent();
    }
}

/// <summary>Shared shaping of record responses.</summary>
public static class RecordResponses
{
    /// <summary>Who reads the records of this request.</summary>
    public static RecordAudience Audience(HttpContext context)
    {
        var caller = context.Caller();
        return new RecordAudience(caller.IsSuperuser, AuthId: caller.Record?.Id, AuthCollectionId: caller.Record?.Collection.Id);
    }
}
