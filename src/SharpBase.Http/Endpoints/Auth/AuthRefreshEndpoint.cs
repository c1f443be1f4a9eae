using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Http.Middleware;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>POST /api/collections/{c}/auth-refresh</c>: a fresh token for the caller (the same one for impersonation tokens).</summary>
public static class AuthRefreshEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapAuthRefreshEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/collections/{collection}/auth-refresh", HandleAsync)
            .WithName("auth.refresh").WithSummary("Returns a new auth token for the signed-in record.").WithTags("auth")
            .RequiresAccess(EndpointAccess.SignedInRecord);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, SchemaRegistry registry, AuthService auth, RecordService records)
    {
        var target = AuthService.RequireCallerCollection(registry.Current, collection, context.Caller());
        var result = await auth.RefreshAsync(target, context.Caller(), context.Request.Headers.Authorization.ToString(), context.RequestAborted);
        return await AuthResponseAsync(context, result, records);
    }
}
