namespace SharpBase.Core.Query.Syntax;

/// <summary>
/// The limits of the filter language, one copy for the parser, both back ends and the sort compiler: PocketBase's
/// (<c>tools/search/provider.go</c>, <c>core/record_field_resolver_runner.go</c>) and fexpr's, plus our nesting bound.
/// </summary>
public static class FilterLimits
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

    /// <summary>The most relation hops in one field path (<c>a.b.c.d.e.f.field</c>).</summary>
    public const int MaxRelationDepth = 6;

    /// <summary>The most terms in a <c>sort</c>.</summary>
    public const int MaxSortTerms = 8;

    /// <summary>The longest single sort term.</summary>
    public const int MaxSortFieldLength = 255;

    /// <summary>The most arguments of <c>strftime()</c>.</summary>
    public const int MaxStrftimeArguments = 10;
}
