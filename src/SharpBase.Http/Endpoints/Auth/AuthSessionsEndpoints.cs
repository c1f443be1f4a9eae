using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema;
using SharpBase.Http.Json;
using SharpBase.Http.Middleware;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary>
/// The signed-in record's sessions (beyond PocketBase): <c>GET /api/collections/{c}/sessions</c> lists them,
/// <c>DELETE .../sessions/{id}</c> revokes one, <c>DELETE .../sessions</c> logs out everywhere (every token and session).
/// </summary>
public static class AuthSessionsEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapAuthSessionsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGetAndHead("/collections/{collection}/sessions", ListAsync)
            .WithName("auth.sessions.list").WithSummary("Lists the signed-in record's sessions.").WithTags("auth")
            .RequiresAccess(EndpointAccess.SignedInRecord);
        routes.MapDelete("/collections/{collection}/sessions/{id}", RevokeAsync)
            .WithName("auth.sessions.revoke").WithSummary("Revokes one session of the signed-in record.").WithTags("auth")
            .RequiresAccess(EndpointAccess.SignedInRecord);
        routes.MapDelete("/collections/{collection}/sessions", RevokeAllAsync)
            .WithName("auth.sessions.revokeAll").WithSummary("Logs the signed-in record out everywhere.").WithTags("auth")
            .RequiresAccess(EndpointAccess.SignedInRecord);
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext context, string collection, SchemaRegistry registry, AuthService auth)
    {
        var caller = context.Caller();
        var record = AuthService.RequireSameCollection(FindAuthCollection(registry, collection), caller);
        var sessions = await auth.Sessions.ListAsync(record, context.RequestAborted);
        var items = sessions.Select(s => (JsonNode?)new JsonObject
        {
            ["id"] = s.Id,
            ["created"] = DateTimeText.Format(s.Created),
            ["lastUsed"] = DateTimeText.Format(s.LastUsed),
            ["expires"] = DateTimeText.Format(s.Expires),
            ["userAgent"] = s.UserAgent,
            ["ip"] = s.Ip,
            ["current"] = s.Id == caller.SessionId,
        });
        return JsonResponse.List(context, JsonResponse.Envelope(1, Math.Max(1, sessions.Count), sessions.Count, items));
    }

    private static async Task<IResult> RevokeAsync(HttpContext context, string collection, string id, SchemaRegistry registry, AuthService auth)
    {
        var record = AuthService.RequireSameCollection(FindAuthCollection(registry, collection), context.Caller());
        if (id.Length > 64 || !await auth.Sessions.RevokeAsync(record, id, context.RequestAborted))
        {
            throw new NotFoundException();
        }

        return Results.NoContent();
    }

    private static async Task<IResult> RevokeAllAsync(HttpContext context, string collection, SchemaRegistry registry, AuthService auth)
    {
        var record = AuthService.RequireSameCollection(FindAuthCollection(registry, collection), context.Caller());
        await auth.LogOutEverywhereAsync(record, context.RequestAborted);
        AuthCookies.Clear(context);
        return Results.NoContent();
    }
}
