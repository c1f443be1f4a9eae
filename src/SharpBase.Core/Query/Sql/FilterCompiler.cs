using SharpBase.Core.Query.Syntax;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// Compiles a parsed filter or rule into a parameterized SQL condition, with PocketBase's semantics (see README.md).
/// Every failure is an <see cref="Errors.ApiException"/> raised before any query runs: 403 for <c>@collection.</c> or
/// <c>@request.</c> in a client filter, 400 for anything that does not resolve or is not allowed.
/// </summary>
public static class FilterCompiler
{
    /// <summary>Compiles <paramref name="node"/> against <paramref name="context"/>; its joins and parameters join <see cref="FilterContext.State"/>.</summary>
    public static SqlFilter Compile(FilterNode node, FilterContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Mode == FilterMode.ClientFilter)
        {
            ClientRestrictions.Check(node);
        }

        var resolver = new FieldResolver(context, context.Collection, context.TableAlias, context.AllowHidden, keySuffix: "");
        var sql = new ExpressionCompiler(resolver).Compile(node);
        var conditions = context.State.TakeConditions();
        var where = conditions.Count == 0 ? sql : $"({sql} AND {string.Join(" AND ", conditions)})";
        var state = context.State;
        return new SqlFilter(where, new Dictionary<string, SqlParameterValue>(state.Parameters), state.Joins, state.NeedsDistinct);
    }

    /// <summary>Parses <paramref name="filter"/> (cached) and compiles it.</summary>
    public static SqlFilter Compile(string filter, FilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Mode == FilterMode.ClientFilter)
        {
            ClientRestrictions.CheckText(filter);
        }

        return Compile(FilterParser.ParseCached(filter), context);
    }
}
