using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SharpBase.Http.Endpoints;

/// <summary>The list query parameters every list route shares, clamped as PocketBase clamps them.</summary>
public readonly record struct Paging(int Page, int PerPage, bool SkipTotal)
{
    /// <summary>Items per page when none is asked for.</summary>
    public const int DefaultPerPage = 30;

    /// <summary>The most items one page may hold.</summary>
    public const int MaxPerPage = 1000;

    /// <summary>Reads <c>page</c>, <c>perPage</c> and <c>skipTotal</c> from the query.</summary>
    public static Paging From(IQueryCollection query)
    {
        var page = int.TryParse(query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(query["perPage"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pp) && pp > 0 ? Math.Min(pp, MaxPerPage) : DefaultPerPage;
        var skip = query["skipTotal"].ToString() is "1" or "true" or "t" or "True" or "TRUE";
        return new Paging(page, perPage, skip);
    }
}
