using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SharpBase.Core.Auth;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Http.Body;
using SharpBase.Http.Json;

namespace SharpBase.Http.Endpoints.Auth;

/// <summary><c>POST /api/collections/{c}/auth-with-password</c> → <c>{token, record}</c>.</summary>
public static class AuthWithPasswordEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapAuthWithPasswordEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/collections/{collection}/auth-with-password", HandleAsync)
            .WithName("auth.withPassword").WithSummary("Signs in with an identity and password.").WithTags("auth");
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string collection, SchemaRegistry registry, AuthService auth)
    {
        var target = registry.Current.Find(collection);
        if (target is not { Type: CollectionType.Auth })
        {
            throw new NotFoundException("Missing or invalid auth collection context.");
        }

        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var identity = Text(body, "identity");
        var password = Text(body, "password");
        var (token, record) = await auth.AuthWithPasswordAsync(target, identity, password, context.RequestAborted);
        return JsonResponse.Ok(context, new JsonObject
        {
            ["token"] = token,
            ["record"] = RecordJson.ToJson(record, new RecordAudience(IsSuperuser: target.Id == SystemCollections.SuperusersId, IsOwner: true)),
        });
    }

    private static string Text(JsonObject body, string key) =>
        body[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
