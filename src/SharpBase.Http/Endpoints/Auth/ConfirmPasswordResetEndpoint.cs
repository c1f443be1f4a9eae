using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Schema;
using SharpBase.Http.Body;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>POST /api/collections/{c}/confirm-password-reset</c>: Sets a new password with a reset token; every session of the record ends.</summary>
public static class ConfirmPasswordResetEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapConfirmPasswordResetEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/collections/{collection}/confirm-password-reset", HandleAsync)
            .WithName("auth.confirmPasswordReset").WithSummary("Sets a new password with a reset token; every session of the record ends.").WithTags("auth")
            .RequiresAccess(EndpointAccess.Anyone);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, SchemaRegistry registry, AuthFlowService flows)
    {
        var target = FindAuthCollection(registry, collection);
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        await flows.ConfirmPasswordResetAsync(target, Text(body, "token"), Text(body, "password"), Text(body, "passwordConfirm"), context.RequestAborted);
        return Results.NoContent();
    }
}
