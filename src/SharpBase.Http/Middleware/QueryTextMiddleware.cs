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
        var query = context.Request.QueryString.Value;
        if (query is not null && query.Contains("%00", StringComparison.Ordinal))
        {
            throw new BadRequestException("The request query contains an invalid character.");
        }

        return next(context);
    }
}
