using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SharpBase.Http.Endpoints;

/// <summary><c>GET /api/health</c>.</summary>
public static class HealthEndpoints
{
    private const string Body = """{"code":200,"message":"API is healthy.","data":{}}""";

    /// <summary>Maps the health route.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGetAndHead("/health", () => Results.Text(Body, "application/json"))
            .WithName("health").WithSummary("Reports that the server is up.").WithTags("health")
            .RequiresAccess(EndpointAccess.Anyone);
        return routes;
    }
}
