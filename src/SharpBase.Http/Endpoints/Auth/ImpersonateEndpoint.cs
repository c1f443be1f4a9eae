using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Http.Body;
using SharpBase.Http.Middleware;
using static SharpBase.Http.Endpoints.Auth.AuthEndpointSupport;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>POST /api/collections/{c}/impersonate/{id}</c>: superusers get a non-refreshable token for any auth record.</summary>
public static class ImpersonateEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapImpersonateEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/collections/{collection}/impersonate/{id}", HandleAsync)
            .WithName("auth.impersonate").WithSummary("Issues a non-refreshable token for another auth record (superusers only).").WithTags("auth")
            .RequiresAccess(EndpointAccess.Superuser);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, string id, SchemaRegistry registry, AuthService auth, RecordService records)
    {
        var caller = context.Caller();
        if (!caller.IsSuperuser)
        {
            context.RequireSuperuser();
        }

        var target = FindAuthCollection(registry, collection);
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var result = await auth.ImpersonateAsync(target, id, Duration(body), caller, context.RequestAborted);
        return await AuthResponseAsync(context, result, records);
    }

    private static long Duration(JsonObject body)
    {
        if (body["duration"] is not JsonValue value)
        {
            return 0;
        }

        if (value.TryGetValue<double>(out var number) && double.IsFinite(number))
        {
            return number >= long.MaxValue ? long.MaxValue : (long)number;
        }

        if (value.TryGetValue<string>(out var text) && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        var errors = new ValidationErrors();
        errors.Add("duration", ValidationError.Invalid("Must be a number."));
        throw new BadRequestException("An error occurred while loading the submitted data.", errors);
    }
}
