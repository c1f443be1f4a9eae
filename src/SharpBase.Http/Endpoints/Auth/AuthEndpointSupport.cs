using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SharpBase.Core.Auth;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Http.Json;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary>What the auth endpoints share: the auth collection lookup, the auth response, body text, client facts.</summary>
internal static class AuthEndpointSupport
{
    /// <summary>The auth collection named by the route (id or name); 404 in PocketBase's words otherwise.</summary>
    public static Collection FindAuthCollection(SchemaRegistry registry, string idOrName) =>
        registry.Current.Find(idOrName) is { Type: CollectionType.Auth, Auth: not null } collection
            ? collection
            : throw new NotFoundException("Missing or invalid auth collection context.");

    /// <summary>
    /// The common auth response <c>{token, record}</c>, plus <c>refreshToken</c> when a session was started or rotated; when
    /// MFA holds the token back, PocketBase's bare <c>401 {"mfaId": "..."}</c> (not the error envelope) and no cookies. The
    /// record is expanded by the <c>expand</c> query parameter as the records API does.
    /// </summary>
    public static async Task<IResult> AuthResponseAsync(HttpContext context, AuthResult result, RecordService records)
    {
        ArgumentNullException.ThrowIfNull(records);
        context.Response.Headers.CacheControl = "no-store";
        if (result.MfaId is { } mfaId)
        {
            return Results.Text(new JsonObject { ["mfaId"] = mfaId }.ToJsonString(), "application/json", System.Text.Encoding.UTF8, StatusCodes.Status401Unauthorized);
        }

        var record = result.Record;
        // PocketBase expands the auth record with that record as @request.auth, on every auth response.
        var expand = context.Request.Query["expand"].ToString();
        if (!string.IsNullOrWhiteSpace(expand))
        {
            // The request info copies every header and query key, so it is built only when there is something to expand.
            await records.ExpandAsync(record, expand, Middleware.RequestInfoFactory.Create(context) with { Auth = record }, context.RequestAborted);
        }

        var json = new JsonObject
        {
            ["token"] = result.Token,
            ["record"] = RecordJson.ToJson(record, new RecordAudience(IsSuperuser: record.Collection.Id == SystemCollections.SuperusersId, IsOwner: true)),
        };
        if (result.RefreshToken is { } refreshToken)
        {
            json["refreshToken"] = refreshToken;
        }

        Middleware.AuthCookies.Issue(context, result);
        return JsonResponse.Ok(context, json);
    }

    /// <summary>A string member of the body; anything else (missing, number, object) reads as empty.</summary>
    public static string Text(JsonObject body, string key) =>
        body[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    /// <summary>
    /// The client's IP and User-Agent, as recorded in sessions and used for throttling. The IP follows the
    /// <c>trustedProxy</c> settings, so clients behind one reverse proxy do not share one sign-in budget.
    /// </summary>
    public static ClientInfo Client(HttpContext context) =>
        new(Middleware.ClientIp.Of(context), context.Request.Headers.UserAgent.ToString());

    /// <summary>Adds <c>Retry-After</c> to the 429 a throttled request gets (the error envelope itself is written later).</summary>
    public static RouteHandlerBuilder WithRetryAfter(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (TooManyAttemptsException exception)
            {
                var response = invocation.HttpContext.Response;
                var seconds = exception.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                response.OnStarting(() =>
                {
                    response.Headers.RetryAfter = seconds;
                    return Task.CompletedTask;
                });
                throw;
            }
        });
}
