using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using SharpBase.Core.Errors;

namespace SharpBase.Http.Endpoints.Batch;

/// <summary>One parsed sub-request of a batch.</summary>
internal sealed record BatchRequest(
    string Method, string Collection, string? Id, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, JsonObject Body);

public static partial class BatchEndpoints
{
    private const string InvalidBatch = "Invalid batch request data.";

    private static List<BatchRequest> Parse(JsonObject body, int maxRequests)
    {
        if (body["requests"] is not JsonArray list || list.Count == 0)
        {
            throw new BadRequestException(InvalidBatch, new ValidationErrors().Add("requests", ValidationError.Required()));
        }

        if (maxRequests > 0 && list.Count > maxRequests)
        {
            throw new BadRequestException(InvalidBatch, new ValidationErrors().Add("requests",
                new ValidationError("validation_length_too_long", $"The batch may hold at most {maxRequests} requests.")));
        }

        var result = new List<BatchRequest>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(ParseOne(list[i], i));
        }

        return result;
    }

    private static BatchRequest ParseOne(JsonNode? node, int index)
    {
        var key = index.ToString(CultureInfo.InvariantCulture);
        if (node is not JsonObject request)
        {
            throw new BadRequestException(InvalidBatch, Wrap(key, "method", "Must be a request object."));
        }

        var method = (request["method"] as JsonValue)?.TryGetValue<string>(out var m) == true ? m.ToUpperInvariant() : "";
        var url = (request["url"] as JsonValue)?.TryGetValue<string>(out var u) == true ? u : "";
        var match = RecordUrl().Match(url);
        var allowed = match.Success && method switch
        {
            "POST" or "PUT" => !match.Groups["id"].Success,
            "PATCH" or "DELETE" => match.Groups["id"].Success,
            _ => false,
        };
        if (!allowed)
        {
            throw new BadRequestException(InvalidBatch, Wrap(key, "url", "Only record create, update, upsert and delete requests are allowed."));
        }

        Middleware.QueryTextMiddleware.EnsureNoNul(match.Groups["query"].Value);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in QueryHelpers.ParseQuery(match.Groups["query"].Value))
        {
            query[name] = values.Count > 0 ? values[0] ?? "" : "";
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request["headers"] is JsonObject headerObject)
        {
            foreach (var (name, value) in headerObject)
            {
                headers[name.ToLowerInvariant().Replace('-', '_')] = value?.ToString() ?? "";
            }
        }

        var body = request["body"] as JsonObject ?? [];
        return new BatchRequest(method, Uri.UnescapeDataString(match.Groups["collection"].Value),
            match.Groups["id"].Success ? Uri.UnescapeDataString(match.Groups["id"].Value) : null, query, headers, (JsonObject)body.DeepClone());
    }

    private static ValidationErrors Wrap(string index, string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Nested("requests").Nested(index).Add(field, ValidationError.Invalid(message));
        return errors;
    }

    [GeneratedRegex(@"^/api/collections/(?<collection>[^/?#]+)/records(?:/(?<id>[^/?#]+))?(?<query>\?[^#]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordUrl();
}
