namespace SharpBase.Core.Query;

/// <summary>
/// What an operand evaluates to in memory: one scalar (<see cref="string"/>, <see cref="double"/>, <see cref="bool"/>
/// or null) or, for multi-valued operands (<c>tags:each</c>, <c>comments_via_post.text</c>, a path through a multiple
/// relation), a list of scalars. An empty list behaves like one NULL item, as the LEFT JOIN does in SQL.
/// </summary>
public sealed record FilterValue
{
    private FilterValue(object? scalar, IReadOnlyList<object?>? items)
    {
        Scalar = scalar;
        Items = items;
    }

    /// <summary>SQL NULL.</summary>
    public static FilterValue Null { get; } = new(null, null);

    /// <summary>The scalar; null for NULL or when this is a list.</summary>
    public object? Scalar { get; }

    /// <summary>The items of a multi-valued operand; null for a scalar.</summary>
    public IReadOnlyList<object?>? Items { get; }

    /// <summary>True when this is a multi-valued operand (multi-match semantics apply).</summary>
    public bool IsList => Items is not null;

    /// <summary>
    /// True when the value is bound as a parameter in SQL (text, numbers, macros, <c>@request.*</c> values): a
    /// <c>~</c> right operand is then escaped and wrapped in <c>%…%</c> (see <see cref="LikePattern.Wrap"/>) instead of
    /// being used as a raw pattern.
    /// </summary>
    public bool IsLiteral { get; init; }

    /// <summary>
    /// True for JSON values, <c>geoDistance()</c> and <c>:changed</c>: <c>=</c>/<c>!=</c> use <c>IS</c>/<c>IS NOT</c>,
    /// so NULL and <c>''</c> are not folded together.
    /// </summary>
    public bool DisableNullFolding { get; init; }

    /// <summary>
    /// For lists: true (the default) when plain operators need every item to match; false when the list comes from a
    /// plain join (e.g. <c>geoDistance()</c> over a multiple relation), where one matching item is enough.
    /// </summary>
    public bool MatchAll { get; init; } = true;

    /// <summary>True when every comparison with this value is false (an auth email the owner keeps private).</summary>
    public bool Unmatchable { get; init; }

    /// <summary>A scalar; integers, floats and decimals become <see cref="double"/>, dates become PocketBase text.</summary>
    public static FilterValue Of(object? scalar) => scalar is null ? Null : new(SqlValues.Normalize(scalar), null);

    /// <summary>A multi-valued operand.</summary>
    public static FilterValue List(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(null, items.Select(SqlValues.Normalize).ToArray());
    }

    /// <summary>The values a comparison iterates: the scalar alone, the list items, or one NULL for an empty list.</summary>
    internal IReadOnlyList<object?> MatchItems() => Items switch
    {
        null => [Scalar],
        { Count: 0 } => [null],
        _ => Items,
    };
}
