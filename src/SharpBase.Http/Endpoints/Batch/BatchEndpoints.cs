using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Records;
using SharpBase.Core.Settings;
using SharpBase.Http.Body;
using SharpBase.Http.Endpoints.Records;
using SharpBase.Http.Json;
using SharpBase.Http.Middleware;

namespace SharpBase.Http.Endpoints.Batch;

/// <summary>
/// <c>POST /api/batch</c>: create, update, upsert and delete sub-requests in one transaction, each through the same
/// <see cref="RecordService"/> code with its rules and validation. Any failure rolls everything back. All state lives in
/// this request's locals: concurrent batches share nothing.
/// </summary>
public static partial class BatchEndpoints
{
    /// <summary>Maps the batch route.</summary>
    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/batch", HandleAsync).WithName("batch").WithSummary("Runs record writes in one transaction.").WithTags("batch");
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, RecordService records, SettingsService settingsService)
    {
        var settings = settingsService.Current.Batch;
        if (!settings.Enabled)
        {
            throw new ForbiddenException("Batch requests are not allowed.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxBodySize > 0 ? settings.MaxBodySize : BatchSettings.DefaultMaxBodySize;
        }

        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var requests = Parse(body, settings.MaxRequests);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (settings.Timeout > 0)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.Timeout));
        }

        try
        {
            var results = await records.Database.WriteAsync(async (connection, transaction, ct) =>
            {
                var session = new DbSession(connection, transaction);
                var responses = new JsonArray();
                for (var i = 0; i < requests.Count; i++)
                {
                    try
                    {
                        responses.Add(await RunAsync(context, records, session, requests[i], ct));
                    }
                    catch (ApiException exception)
                    {
                        throw new BatchRequestFailedException(i, exception);
                    }
                }

                return responses;
            }, timeout.Token);
            return JsonResponse.Ok(context, results);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            throw new BadRequestException("Batch transaction timed out.");
        }
    }

    private static async Task<JsonObject> RunAsync(HttpContext context, RecordService records, DbSession session, BatchRequest request, CancellationToken cancellationToken)
    {
        var collection = records.Collection(request.Collection);
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
        RecordRow? row;
        var status = 200;
        switch (request.Method)
        {
            case "POST":
                row = await records.CreateAsync(session, collection, request.Body, info, cancellationToken);
                break;
            case "PATCH":
                row = await records.UpdateAsync(session, collection, request.Id!, request.Body, info, cancellationToken);
                break;
            case "PUT":
                row = await records.UpsertAsync(session, collection, request.Body, info, cancellationToken);
                break;
            default:
                await records.DeleteAsync(session, collection, request.Id!, info, cancellationToken);
                row = null;
                status = 204;
                break;
        }

        JsonNode? json = null;
        if (row is not null)
        {
            request.Query.TryGetValue("expand", out var expand);
            await records.ExpandAsync(session, [row], expand, info, cancellationToken);
            request.Query.TryGetValue("fields", out var fields);
            json = FieldsFilter.Apply(RecordJson.ToJson(row, RecordResponses.Audience(context)), fields, isList: false);
        }

        return new JsonObject { ["status"] = status, ["body"] = json };
    }
}
