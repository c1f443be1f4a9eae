using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SharpBase.Core.Errors;

namespace SharpBase.Http.Errors;

/// <summary>
/// Turns every failure into the error envelope: <see cref="ApiException"/> with its status, bad HTTP input as
/// 400/413, a database with no free connection (a timeout) as 503 with <c>Retry-After</c>, and anything else as a 500 whose detail goes only to the log (with the trace id). A known path with
/// the wrong method answers 405 with <c>Allow</c> (PocketBase answers 404; see docs/compatibility.md), an unknown path 404.
/// </summary>
public sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    /// <summary>Runs the rest of the pipeline under the error mapping.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response.HasStarted)
            {
                return;
            }

            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            {
                await WriteMethodNotAllowedAsync(context);
            }
            else if (context.Response.StatusCode == StatusCodes.Status404NotFound && context.GetEndpoint() is null)
            {
                // No route has this path: the pipeline's bare 404 gets the envelope. (A MapFallback route would also catch
                // it, but the router then prefers the fallback to its own 405 for a known path with another method.)
                await ErrorEnvelope.WriteAsync(context, StatusCodes.Status404NotFound, null);
            }
        }
        catch (ApiException exception)
        {
            // A client's mistake is one line, no stack; a filter's rejection reason (which the 400 does not tell, as in
            // PocketBase) is logged here.
            LogClientError(logger, context.Request.Method, context.Request.Path, exception.Status, exception.Message, exception.Data["reason"] as string ?? "");
            await ErrorEnvelope.WriteAsync(context, exception);
        }
        catch (BadHttpRequestException exception)
        {
            var status = exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? 413 : 400;
            await ErrorEnvelope.WriteAsync(context, status, status == 413 ? null : "Failed to read the request.");
        }
        catch (TimeoutException exception) when (!context.Response.HasStarted)
        {
            // A dependency stayed busy (Storage's DatabaseBusyException: no free pooled connection in time). Overload, not a
            // defect: one line, and the client is told when to come back.
            LogDatabaseBusy(logger, context.Request.Method, context.Request.Path, exception.Message);
            await ErrorEnvelope.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, null, retryAfter: DatabaseBusyRetryAfter);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (the SDK auto-cancels superseded requests); there is no one to answer.
        }
        catch (Exception exception)
        {
            LogUnhandled(logger, exception, context.TraceIdentifier, context.Request.Method, context.Request.Path);
            await ErrorEnvelope.WriteAsync(context, StatusCodes.Status500InternalServerError, null);
        }
    }

    /// <summary>
    /// The router answers a known path with another method (TRACE too) by a bodiless 405 whose <c>Allow</c> lists the route's
    /// methods. The envelope becomes its body; it clears the headers, so <c>Allow</c> is put back when the response starts.
    /// </summary>
    private static Task WriteMethodNotAllowedAsync(HttpContext context)
    {
        var allow = context.Response.Headers.Allow.ToString();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Allow = allow;
            return Task.CompletedTask;
        });
        return ErrorEnvelope.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, null);
    }

    /// <summary>What a 503 for a busy database asks the client to wait before retrying.</summary>
    public static readonly TimeSpan DatabaseBusyRetryAfter = TimeSpan.FromSeconds(1);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Detail}")]
    private static partial void LogDatabaseBusy(ILogger logger, string method, string path, string detail);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "{Method} {Path} answered {Status}: {Detail} {Reason}")]
    private static partial void LogClientError(ILogger logger, string method, string path, int status, string detail, string reason);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId, string method, string path);
}
