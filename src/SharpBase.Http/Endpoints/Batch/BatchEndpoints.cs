using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Settings;
using SharpBase.Http.Body;
using SharpBase.Http.Json;
using SharpBase.Http.Middleware;

namespace SharpBase.Http.Endpoints.Batch;

/// <summary>
/// <c>POST /api/batch</c>: parses the sub-requests and hands them to <see cref="RecordService.BatchAsync"/>, which runs
/// them in one transaction through the same code as the single-record routes (rules, validation, expand, visibility, hooks).
/// Any failure rolls everything back. All state lives in this request's locals: concurrent batches share nothing.
/// </summary>
public static partial class BatchEndpoints
{
    /// <summary>Maps the batch route.</summary>
    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/batch", HandleAsync).WithName("batch").WithSummary("Runs record writes in one transaction.").WithTags("batch")
            .RequiresAccess(EndpointAccess.DecidedBy(CollectionApiRule.CreateRule, CollectionApiRule.UpdateRule, CollectionApiRule.DeleteRule));
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, RecordService records, SettingsService settingsService)
    {
        var settings = settingsService.Current.Batch;
        if (!settings.Enabled)
        {
            throw new ForbiddenException("Batch requests are not allowed.");
        }

        RequestBodyLimit.Set(context, settings.MaxBodySize > 0 ? settings.MaxBodySize : BatchSettings.DefaultMaxBodySize);

        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var operations = Parse(body, settings.MaxRequests).Select(request => Operation(context, request)).ToList();
        var results = await records.BatchAsync(operations, TimeSpan.FromSeconds(Math.Max(0, settings.Timeout)), context.RequestAborted);
        var json = new JsonArray();
        for (var i = 0; i < results.Count; i++)
        {
            var record = results[i].Body is { } result
                ? FieldsFilter.Apply(RecordJson.ToJson(result.Record, result.Audience), operations[i].Info.Query.GetValueOrDefault("fields"), isList: false)
                : null;
            json.Add(new JsonObject { ["status"] = results[i].Status, ["body"] = record });
        }

        return JsonResponse.Ok(context, json);
    }

    /// <summary>The sub-request as a Core operation, with its own method, query and headers over the batch caller's auth.</summary>
    private static BatchOperation Operation(HttpContext context, BatchRequest request)
    {
        var outer = RequestInfoFactory.Create(context, request.Body, "batch");
        var headers = new Dictionary<string, string>(outer.Headers, StringComparer.Ordinal);
        foreach (var (key, value) in request.Headers)
        {
            if (key != "authorization")
            {
                headers[key] = value;
            }
        }

        var info = outer with { Method = request.Method, Query = request.Query, Headers = headers };
        var action = request.Method switch
        {
            "POST" => BatchAction.Create,
            "PATCH" => BatchAction.Update,
            "PUT" => BatchAction.Upsert,
            _ => BatchAction.Delete,
        };
        return new BatchOperation(action, request.Collection, request.Id, RecordInput.FromValues(request.Body), info, request.Query.GetValueOrDefault("expand"));
    }
}
