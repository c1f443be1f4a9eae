using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Query.Sql;

/// <summary>Join registration, shared by alias, and the list rules of collections a client filter reaches.</summary>
internal sealed partial class Runner
{
    /// <summary>
    /// Registers (or reuses) the join known as <paramref name="key"/> and returns its alias. In a client filter a join
    /// into a collection needs that collection's list rule: null fails, an expression is ANDed in (PocketBase ≥ 0.32).
    /// </summary>
    private string RegisterJoin(string key, Collection? collection, Func<string, string> source, Func<string, string>? condition)
    {
        Joined = true;
        var state = _resolver.State;
        var existing = state.FindJoin(key);
        var alias = existing ?? state.NewAlias("_j");
        if (!_resolver.AllowHidden && collection is not null)
        {
            if (collection.ListRule is null)
            {
                throw FilterErrors.Invalid($"\"{collection.Name}\" fields can be accessed only when allowHiddenFields is enabled or by superusers");
            }

            RegisterRuleJoin(collection, alias);
        }

        if (existing is null)
        {
            state.AddJoin(key, alias, Dialect.LeftJoin(source(alias), condition?.Invoke(alias)));
        }

        state.MarkDistinct();
        return alias;
    }

    /// <summary>ANDs <c>alias.id = '' || (listRule)</c> into the query, the rule resolved against the joined alias.</summary>
    private void RegisterRuleJoin(Collection collection, string alias)
    {
        if (string.IsNullOrEmpty(collection.ListRule) || !_resolver.State.TryClaimRuleJoin(alias))
        {
            return;
        }

        FilterNode rule;
        try
        {
            rule = FilterParser.ParseCached(collection.ListRule);
        }
        catch (FilterSyntaxException)
        {
            throw FilterErrors.Invalid($"failed to build \"{collection.Name}\" ListRule join subquery filter expression");
        }

        var empty = new ComparisonNode(new IdentifierOperand("id", 0), ComparisonOperator.Equal, new LiteralOperand("", 0));
        var guarded = new LogicalNode(LogicalOperator.Or, empty, rule);
        var clone = new FieldResolver(_resolver.Context, collection, alias, allowHidden: true, keySuffix: _resolver.State.NewAlias("_r"));
        var sql = new ExpressionCompiler(clone).Compile(guarded);
        _resolver.State.AddRuleCondition(sql);
    }

    /// <summary>True once the resolution went through a join.</summary>
    public bool Joined { get; private set; }

    private string NewMultiMatchAlias() => _resolver.State.NewAlias("_m");

    private string Table(Collection collection, string alias) => Quote(collection.Name) + " " + Quote(alias);

    private string Column(string alias, string column) => Quote(alias) + "." + Quote(column);

    private string Quote(string identifier) => Dialect.QuoteIdentifier(identifier);
}
