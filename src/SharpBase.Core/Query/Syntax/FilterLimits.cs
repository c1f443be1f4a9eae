namespace SharpBase.Core.Query.Syntax;

/// <summary>PocketBase's limits on filters and sorts (<c>tools/search/provider.go</c>, <c>core/record_field_resolver_runner.go</c>).</summary>
public static class FilterLimits
{
    /// <summary>The longest <c>filter</c> text accepted (checked by the caller before parsing).</summary>
    public const int MaxFilterLength = 3500;

    /// <summary>The most comparison expressions in one filter.</summary>
    public const int MaxExpressions = 200;

    /// <summary>The most relation hops in one field path (<c>a.b.c.d.e.f.field</c>).</summary>
    public const int MaxRelationDepth = 6;

    /// <summary>The most terms in a <c>sort</c>.</summary>
    public const int MaxSortTerms = 8;

    /// <summary>The longest single sort term.</summary>
    public const int MaxSortFieldLength = 255;

    /// <summary>The most arguments of <c>strftime()</c>.</summary>
    public const int MaxStrftimeArguments = 10;
}
