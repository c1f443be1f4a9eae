using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SharpBase.Core.Query;

namespace SharpBase.Http.Middleware;

/// <summary>Builds the <c>@request.*</c> values of a request once, for the rules and filters it runs.</summary>
public static class RequestInfoFactory
{
    /// <summary>The request's info with <paramref name="body"/> as <c>@request.body</c> and the given context.</summary>
    public static RequestInfo Create(HttpContext context, JsonObject? body = null, string requestContext = "default")
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in context.Request.Query)
        {
            query[key] = values.Count > 0 ? values[0] ?? "" : "";
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in context.Request.Headers)
        {
            headers[key.ToLowerInvariant().Replace('-', '_')] = values.Count > 0 ? values[0] ?? "" : "";
        }

        return new RequestInfo(context.Caller().Record, context.Request.Method.ToUpperInvariant(), requestContext, query, headers, body ?? []);
    }
}
