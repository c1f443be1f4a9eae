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

/// <summary>
/// <c>POST /api/collections/{c}/auth-refresh-token</c> with <c>{refreshToken}</c> → <c>{token, record, refreshToken}</c>:
/// redeems a rotating refresh token (beyond PocketBase). A reused token revokes its whole session.
/// </summary>
public static class AuthRefreshTokenEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapAuthRefreshTokenEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/collections/{collection}/auth-refresh-token", HandleAsync)
            .WithName("auth.refreshToken").WithSummary("Exchanges a refresh token for a new auth token and refresh token.").WithTags("auth")
            .RequiresAccess(EndpointAccess.DecidedBy(CollectionApiRule.AuthRule));
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, SchemaRegistry registry, AuthService auth, RecordService records)
    {
        var target = FindAuthCollection(registry, collection);
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var refreshToken = Text(body, "refreshToken");
        if (refreshToken.Length == 0)
        {
            refreshToken = AuthCookies.ReadRefreshToken(context) ?? "";
        }

        var result = await auth.RedeemRefreshTokenAsync(target, refreshToken, context.RequestAborted);
        return await AuthResponseAsync(context, result, records);
    }
}
