using System.Text;

namespace SharpBase.Core.Query.Syntax;

/// <summary>
/// Parses PocketBase filter and rule expressions (fexpr grammar) into <see cref="FilterNode"/> trees. <c>&amp;&amp;</c>
/// binds tighter than <c>||</c>. Every failure, including a limit, is a <see cref="FilterSyntaxException"/>; parsing
/// never recurses deeper than <see cref="MaxDepth"/> groups, so hostile input fails fast.
/// </summary>
public static class FilterParser
{
    /// <summary>The longest filter accepted, in UTF-8 bytes (PocketBase's <c>MaxFilterLength</c>).</summary>
    public const int MaxFilterLength = 3500;

    /// <summary>The most comparisons in one filter (PocketBase's <c>DefaultFilterExprLimit</c>).</summary>
    public const int MaxExpressions = 200;

    /// <summary>The deepest nesting of parentheses.</summary>
    public const int MaxDepth = 32;

    /// <summary>The longest identifier or function name, in characters.</summary>
    public const int MaxIdentifierLength = 255;

    /// <summary>The most arguments of one function call (PocketBase's strftime limit).</summary>
    public const int MaxFunctionArguments = 10;

    /// <summary>The deepest function call nesting, counting the outer call (fexpr's <c>maxFuncDepth</c>).</summary>
    public const int MaxFunctionDepth = 3;

    private static readonly ParsedFilterCache SharedCache = new();

    /// <summary>Parses <paramref name="filter"/>; throws <see cref="FilterSyntaxException"/> when it is invalid or empty.</summary>
    public static FilterNode Parse(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Length > MaxFilterLength || (filter.Length > MaxFilterLength / 3 && Encoding.UTF8.GetByteCount(filter) > MaxFilterLength))
        {
            throw new FilterSyntaxException($"the filter is longer than {MaxFilterLength} bytes");
        }

        return new ParserCore(filter).ParseFilter();
    }

    /// <summary>Like <see cref="Parse"/>, but reuses the tree of an identical filter parsed before (bounded cache).</summary>
    public static FilterNode ParseCached(string filter) => SharedCache.GetOrParse(filter);
}
