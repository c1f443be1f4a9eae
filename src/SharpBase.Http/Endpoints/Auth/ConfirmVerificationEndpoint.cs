using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Schema;
using SharpBase.Http.Body;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>POST /api/collections/{c}/confirm-verification</c>: Marks the record of a verification token verified.</summary>
public static class ConfirmVerificationEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapConfirmVerificationEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/collections/{collection}/confirm-verification", HandleAsync)
            .WithName("auth.confirmVerification").WithSummary("Marks the record of a verification token verified.").WithTags("auth")
            .RequiresAccess(EndpointAccess.Anyone);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, SchemaRegistry registry, AuthFlowService flows)
    {
        var target = FindAuthCollection(registry, collection);
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        await flows.ConfirmVerificationAsync(target, Text(body, "token"), context.RequestAborted);
        return Results.NoContent();
    }
}
