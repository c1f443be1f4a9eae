using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Schema;
using SharpBase.Http.Body;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>POST /api/collections/{c}/confirm-email-change</c>: Sets the new email with a token and the current password; every session of the record ends.</summary>
public static class ConfirmEmailChangeEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapConfirmEmailChangeEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/collections/{collection}/confirm-email-change", HandleAsync)
            .WithName("auth.confirmEmailChange").WithSummary("Sets the new email with a token and the current password; every session of the record ends.").WithTags("auth")
            .RequiresAccess(EndpointAccess.Anyone);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, SchemaRegistry registry, AuthFlowService flows)
    {
        var target = FindAuthCollection(registry, collection);
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        await flows.ConfirmEmailChangeAsync(target, Text(body, "token"), Text(body, "password"), context.RequestAborted);
        return Results.NoContent();
    }
}
