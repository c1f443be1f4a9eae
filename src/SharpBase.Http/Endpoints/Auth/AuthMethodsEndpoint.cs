using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Schema;
using SharpBase.Http.Json;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>GET /api/collections/{c}/auth-methods</c>: which sign-in methods the collection offers, in PocketBase's shape.</summary>
public static class AuthMethodsEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapAuthMethodsEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapGetAndHead("/collections/{collection}/auth-methods", Handle)
            .WithName("auth.methods").WithSummary("Lists the collection's sign-in methods.").WithTags("auth")
            .RequiresAccess(EndpointAccess.Anyone);
        return routes;
    }

    private static IResult Handle(HttpContext context, string collection, SchemaRegistry registry)
    {
        var auth = FindAuthCollection(registry, collection).Auth!;
        var password = auth.PasswordAuth.Enabled;
        var identityFields = password ? auth.PasswordAuth.IdentityFields : [];

        // OAuth2 providers are listed once the OAuth2 module exists; until then the list is empty and "enabled" is false.
        // Keys are in PocketBase's order (its response structs), so a client comparing JSON text sees the same answer.
        var json = new JsonObject
        {
            ["password"] = new JsonObject
            {
                ["identityFields"] = new JsonArray(identityFields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                ["enabled"] = password,
            },
            ["oauth2"] = new JsonObject { ["providers"] = new JsonArray(), ["enabled"] = false },
            ["mfa"] = new JsonObject { ["enabled"] = auth.Mfa.Enabled, ["duration"] = auth.Mfa.Enabled ? auth.Mfa.Duration : 0 },
            ["otp"] = new JsonObject { ["enabled"] = auth.Otp.Enabled, ["duration"] = auth.Otp.Enabled ? auth.Otp.Duration : 0 },

            // Legacy keys of pre-0.23 servers, still written by PocketBase (the SDK asks for ?fields= without them).
            ["authProviders"] = null,
            ["usernamePassword"] = password && identityFields.Contains("username"),
            ["emailPassword"] = password && identityFields.Contains("email"),
        };
        return JsonResponse.Ok(context, json);
    }
}
