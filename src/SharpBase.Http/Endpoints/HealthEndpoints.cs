using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Settings;
using SharpBase.Http.Json;
using SharpBase.Http.Middleware;

namespace SharpBase.Http.Endpoints;

/// <summary><c>GET /api/health</c>: the same answer for everyone, plus a few server facts for superusers, as PocketBase gives.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health route.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGetAndHead("/health", (HttpContext context, SettingsService settings) =>
        {
            var data = new JsonObject();
            if (context.Caller().IsSuperuser)
            {
                // SharpBase has no backups yet, so none is ever running and one could always start.
                data["canBackup"] = true;
                var proxy = settings.Current.TrustedProxy;
                data["possibleProxyHeader"] = RealIp.PossibleProxyHeader(proxy, ClientIp.HeaderValues(context));
                data["realIP"] = ClientIp.Of(context, proxy);
            }

            return JsonResponse.Ok(context, new JsonObject { ["message"] = "API is healthy.", ["code"] = 200, ["data"] = data });
        }).WithName("health").WithSummary("Reports that the server is up; superusers also get canBackup, realIP and possibleProxyHeader.")
            .WithTags("health").RequiresAccess(EndpointAccess.Anyone);
        return routes;
    }
}
