using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Http.Body;
using SharpBase.Http.Middleware;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>POST /api/collections/{c}/auth-with-password</c> → <c>{token, record, refreshToken}</c>.</summary>
public static class AuthWithPasswordEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapAuthWithPasswordEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/collections/{collection}/auth-with-password", HandleAsync).WithRetryAfter()
            .WithName("auth.withPassword").WithSummary("Signs in with an identity and password.").WithTags("auth")
            .RequiresAccess(EndpointAccess.DecidedBy(CollectionApiRule.AuthRule));
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, SchemaRegistry registry, AuthService auth, RecordService records)
    {
        var target = FindAuthCollection(registry, collection);
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        // PocketBase reads the mfaId from the query string first, then from the body.
        var mfaId = context.Request.Query["mfaId"].ToString();
        var request = new PasswordSignIn(Text(body, "identity"), Text(body, "password"), Text(body, "identityField"),
            mfaId.Length > 0 ? mfaId : Text(body, "mfaId"));
        var result = await auth.SignInWithPasswordAsync(target, request, Client(context), context.Caller(), context.RequestAborted);
        return await AuthResponseAsync(context, result, records);
    }
}
