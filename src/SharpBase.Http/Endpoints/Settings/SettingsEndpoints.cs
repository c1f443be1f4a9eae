using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Settings;
using SharpBase.Http.Body;
using SharpBase.Http.Json;
using SharpBase.Http.Middleware;

namespace SharpBase.Http.Endpoints.Settings;

/// <summary><c>GET/PATCH /api/settings</c> (superusers only).</summary>
public static class SettingsEndpoints
{
    /// <summary>Maps the settings routes.</summary>
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGetAndHead("/settings", (HttpContext context, SettingsService settings) =>
        {
            context.RequireSuperuser();
            return JsonResponse.Ok(context, settings.ToJson());
        }).WithName("settings.get").WithSummary("Returns the settings; secrets are never included.").WithTags("settings")
            .RequiresAccess(EndpointAccess.Superuser);

        routes.MapPatch("/settings", async (HttpContext context, SettingsService settings) =>
        {
            context.RequireSuperuser();
            var patch = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
            await settings.PatchAsync(patch, context.RequestAborted);
            return JsonResponse.Ok(context, settings.ToJson());
        }).WithName("settings.update").WithSummary("Merges a partial settings object and saves it.").WithTags("settings")
            .RequiresAccess(EndpointAccess.Superuser);
        return routes;
    }
}
