using System.Text;

namespace SharpBase.Core.Query.Syntax;

/// <summary>
/// Parses PocketBase filter and rule expressions (fexpr grammar) into <see cref="FilterNode"/> trees. <c>&amp;&amp;</c>
/// binds tighter than <c>||</c>. Every failure, including a limit, is a <see cref="FilterSyntaxException"/>; parsing
/// never recurses deeper than <see cref="FilterLimits.MaxDepth"/> groups, so hostile input fails fast.
/// </summary>
public static class FilterParser
{
    private static readonly ParsedFilterCache SharedCache = new();

    /// <summary>Parses <paramref name="filter"/>; throws <see cref="FilterSyntaxException"/> when it is invalid or empty.</summary>
    public static FilterNode Parse(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Length > FilterLimits.MaxFilterLength || (filter.Length > FilterLimits.MaxFilterLength / 3 && Encoding.UTF8.GetByteCount(filter) > FilterLimits.MaxFilterLength))
        {
            throw new FilterSyntaxException($"the filter is longer than {FilterLimits.MaxFilterLength} bytes");
        }

        return new ParserCore(filter).ParseFilter();
    }

    /// <summary>Like <see cref="Parse"/>, but reuses the tree of an identical filter parsed before (bounded cache).</summary>
    public static FilterNode ParseCached(string filter) => SharedCache.GetOrParse(filter);
}
