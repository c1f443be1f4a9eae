using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SharpBase.Http.Body;

/// <summary>Sets one request's body limit (Kestrel's is the server-wide <c>MaxBodySize</c>); a larger body gets 413.</summary>
public static class RequestBodyLimit
{
    /// <summary>Replaces the server-wide limit for this request; call it before anything reads the body.</summary>
    public static void Set(HttpContext context, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }
}
