using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace SharpBase.Http.Endpoints;

/// <summary>Route helpers shared by the endpoint groups.</summary>
public static class RouteExtensions
{
    private static readonly string[] GetAndHead = ["GET", "HEAD"];

    /// <summary>Maps a GET route that also answers HEAD, as PocketBase's router does.</summary>
    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, GetAndHead, handler);
}
