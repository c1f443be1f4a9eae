using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Schema;
using SharpBase.Http.Body;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>POST /api/collections/{c}/request-password-reset</c>: Mails a password reset link (always 204).</summary>
public static class RequestPasswordResetEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapRequestPasswordResetEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/collections/{collection}/request-password-reset", HandleAsync)
            .WithName("auth.requestPasswordReset").WithSummary("Mails a password reset link (always 204).").WithTags("auth")
            .RequiresAccess(EndpointAccess.Anyone);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, SchemaRegistry registry, AuthFlowService flows)
    {
        var target = FindAuthCollection(registry, collection);
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        await flows.RequestPasswordResetAsync(target, Text(body, "email"), context.RequestAborted);
        return Results.NoContent();
    }
}
