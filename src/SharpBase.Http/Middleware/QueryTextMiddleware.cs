using Microsoft.AspNetCore.Http;
using SharpBase.Core.Errors;

namespace SharpBase.Http.Middleware;

/// <summary>
/// Refuses a query string carrying U+0000 (<c>%00</c>) before anything reads it: PostgreSQL's text cannot hold the
/// character, so a filter literal with it would fail in the database, and SQLite would take it; one 400 on both keeps a
/// request meaning the same everywhere. Kestrel already refuses it in the path, and request bodies refuse it when parsed.
/// </summary>
public sealed class QueryTextMiddleware(RequestDelegate next)
{
    /// <summary>Checks the raw query, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        EnsureNoNul(context.Request.QueryString.Value);
        return next(context);
    }

    /// <summary>
    /// The 400 for a raw (still percent-encoded) query carrying <c>%00</c>; also for the query of a batch sub-request's
    /// url, which travels inside the body where this middleware does not look.
    /// </summary>
    public static void EnsureNoNul(string? rawQuery)
    {
        if (rawQuery is not null && rawQuery.Contains("%00", StringComparison.Ordinal))
        {
            throw new BadRequestException("The request query contains an invalid character.");
        }
    }
}
