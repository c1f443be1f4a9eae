using SharpBase.Core.Query.Semantics;

namespace SharpBase.Core.Query.InMemory;

/// <summary>
/// What an operand evaluates to in memory: one scalar in one of SQLite's storage classes (<see cref="long"/> or
/// <see cref="bool"/> = INTEGER, <see cref="double"/> = REAL, <see cref="string"/> = TEXT, or null) or, for multi-valued
/// operands (<c>tags:each</c>, <c>comments_via_post.text</c>, a path through a multiple relation), a list of scalars.
/// An empty list behaves like one NULL item, as the LEFT JOIN does in SQL. <see cref="Affinity"/> is the SQLite column
/// affinity the value carries into a comparison.
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
    /// True when the value is known when compiling: a literal (also <c>null</c>, <c>true</c>, <c>false</c>), a macro or
    /// a static <c>@request.*</c> value. A <c>~</c> right operand is then escaped and wrapped in <c>%…%</c> (see
    /// <see cref="LikePattern.Wrap"/>) instead of being used as a raw pattern, and <c>=</c>/<c>!=</c> fold NULL and
    /// <c>''</c> as PocketBase's resolveEqualExpr does for known values (see <see cref="FilterEvaluator"/>).
    /// </summary>
    public bool IsLiteral { get; init; }

    /// <summary>
    /// SQLite's affinity of the operand: <see cref="SqlAffinity.Text"/> for a TEXT column (text, email, url, editor,
    /// date, single select/relation/file), <see cref="SqlAffinity.Numeric"/> for a NUMERIC column (number, bool, a
    /// multiple select/relation/file's JSON column), <see cref="SqlAffinity.None"/> for expressions and values (literals,
    /// <c>@request.*</c>, JSON values, <c>:lower</c>, <c>:length</c>, <c>:each</c>, functions).
    /// </summary>
    public SqlAffinity Affinity { get; init; }

    /// <summary>
    /// For lists: the join the items come from (e.g. <c>labels:each</c>). Two lists from the same join are paired row by
    /// row, not crosswise, where SQL compares them on the joined rows (the <c>?</c> operators and the match part of the
    /// plain ones).
    /// </summary>
    public string? JoinKey { get; init; }

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

    /// <summary>
    /// A scalar; integer types become <see cref="long"/> (INTEGER), floats and decimals <see cref="double"/> (REAL),
    /// dates PocketBase text.
    /// </summary>
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

/// <summary>SQLite's column affinity, as far as comparisons use it (<c>BLOB</c> columns behave as <see cref="None"/> here).</summary>
public enum SqlAffinity
{
    /// <summary>No affinity: an expression or a bound value.</summary>
    None,

    /// <summary>A TEXT column: a number compared with it becomes text.</summary>
    Text,

    /// <summary>A NUMERIC column: numeric-looking text compared with it becomes a number.</summary>
    Numeric,
}
