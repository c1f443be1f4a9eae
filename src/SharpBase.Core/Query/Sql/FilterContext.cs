using SharpBase.Core.Schema;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// What a filter, rule or sort is compiled against. Expressions that end up in one SELECT must share one
/// <see cref="State"/> (use <c>context with { Mode = … }</c> to switch mode, which keeps it): parameter names then never
/// collide and relation joins are shared by alias, as PocketBase shares them between the list rule, the filter and the sort.
/// </summary>
/// <param name="Collection">The collection being queried.</param>
/// <param name="TableAlias">The alias of its table in the FROM clause, e.g. <c>r</c>; must not start with <c>_</c>.</param>
/// <param name="Schema">The schema snapshot the query runs against.</param>
/// <param name="Request">The <c>@request.*</c> values.</param>
/// <param name="Dialect">The database dialect.</param>
/// <param name="Time">The clock for the date macros (<c>@now</c>, …).</param>
/// <param name="Mode">The restrictions to apply.</param>
public sealed record FilterContext(
    Collection Collection,
    string TableAlias,
    SchemaSnapshot Schema,
    RequestInfo Request,
    SqlDialect Dialect,
    TimeProvider Time,
    FilterMode Mode)
{
    /// <summary>The joins, parameters and extra conditions accumulated by every expression compiled with this context.</summary>
    public SqlQueryState State { get; init; } = new();

    /// <summary>
    /// On databases without a rowid (PostgreSQL): a column of the queried table that grows with insertion order, used for
    /// <c>@rowid</c>; without it <c>@rowid</c> sorts by <c>id</c>.
    /// </summary>
    public string? RowIdColumn { get; init; }

    /// <summary>True when hidden fields, <c>@request.*</c> and <c>@collection.*</c> may be used.</summary>
    internal bool AllowHidden => Mode != FilterMode.ClientFilter;
}
