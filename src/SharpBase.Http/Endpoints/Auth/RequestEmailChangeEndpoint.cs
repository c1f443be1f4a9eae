using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Schema;
using SharpBase.Http.Body;
using SharpBase.Http.Middleware;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>POST /api/collections/{c}/request-email-change</c>: Mails a confirmation link to the new address (auth required).</summary>
public static class RequestEmailChangeEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapRequestEmailChangeEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/collections/{collection}/request-email-change", HandleAsync)
            .WithName("auth.requestEmailChange").WithSummary("Mails a confirmation link to the new address (auth required).").WithTags("auth")
            .RequiresAccess(EndpointAccess.SignedInRecord);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, SchemaRegistry registry, AuthFlowService flows)
    {
        var target = AuthService.RequireCallerCollection(registry.Current, collection, context.Caller());
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        await flows.RequestEmailChangeAsync(target, context.Caller(), Text(body, "newEmail"), context.RequestAborted);
        return Results.NoContent();
    }
}
