using Microsoft.AspNetCore.Routing;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary>Maps every auth route of the record auth API.</summary>
public static class AuthEndpoints
{
    /// <summary>Maps sign-in, refresh, methods, impersonation, sessions and the account flows.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapAuthWithPasswordEndpoint();
        routes.MapAuthRefreshEndpoint();
        routes.MapAuthMethodsEndpoint();
        routes.MapImpersonateEndpoint();
        routes.MapAuthRefreshTokenEndpoint();
        routes.MapAuthSessionsEndpoints();
        routes.MapRequestVerificationEndpoint();
        routes.MapConfirmVerificationEndpoint();
        routes.MapRequestPasswordResetEndpoint();
        routes.MapConfirmPasswordResetEndpoint();
        routes.MapRequestEmailChangeEndpoint();
        routes.MapConfirmEmailChangeEndpoint();
        return routes;
    }
}
