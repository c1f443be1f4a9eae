using System.Globalization;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// The mutable part shared by the expressions compiled into one SELECT: parameters, joins by alias, the distinct flag and
/// the list-rule conditions of collections a client filter or sort reached through a relation. Not thread-safe; one
/// per query.
/// </summary>
public sealed class SqlQueryState
{
    private readonly Dictionary<string, SqlParameterValue> _parameters = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Alias, string Sql)> _joins = [];
    private readonly List<string> _ruleConditions = [];
    private readonly HashSet<string> _ruleJoinAliases = new(StringComparer.Ordinal);
    private int _nextParameter;
    private int _nextAlias;
    private int _takenConditions;

    /// <summary>Parameter name → value.</summary>
    public IReadOnlyDictionary<string, SqlParameterValue> Parameters => _parameters;

    /// <summary>The LEFT JOIN clauses, in the order they must appear.</summary>
    public IReadOnlyList<string> Joins => _joins.Select(j => j.Sql).ToArray();

    /// <summary>True when a join can repeat rows of the queried table.</summary>
    public bool NeedsDistinct { get; private set; }

    /// <summary>
    /// Every list-rule condition registered so far (<c>joined.id IS NULL OR (listRule)</c>); each must be ANDed into the
    /// WHERE clause. <c>FilterCompiler.Compile</c> already ANDs the ones it registered into its result; the ones a
    /// sort registered are left in <see cref="PendingConditions"/>.
    /// </summary>
    public IReadOnlyList<string> RuleConditions => _ruleConditions;

    /// <summary>The rule conditions not yet handed out in a <see cref="SqlFilter"/> (e.g. registered by a sort): AND them in.</summary>
    public IReadOnlyList<string> PendingConditions => _ruleConditions.Skip(_takenConditions).ToArray();

    internal string NewParameterName() => "@f" + (_nextParameter++).ToString(CultureInfo.InvariantCulture);

    internal string NewAlias(string prefix) => prefix + (_nextAlias++).ToString(CultureInfo.InvariantCulture);

    internal void SetParameter(string name, SqlParameterValue value) => _parameters[name] = value;

    internal void MarkDistinct() => NeedsDistinct = true;

    /// <summary>The alias registered under <paramref name="key"/>, or null.</summary>
    internal string? FindJoin(string key) => _joins.FirstOrDefault(j => j.Key == key).Alias;

    internal void AddJoin(string key, string alias, string sql) => _joins.Add((key, alias, sql));

    /// <summary>True the first time an alias asks for its collection's list rule.</summary>
    internal bool TryClaimRuleJoin(string alias) => _ruleJoinAliases.Add(alias);

    internal void AddRuleCondition(string sql) => _ruleConditions.Add(sql);

    /// <summary>The rule conditions added since the last call.</summary>
    internal IReadOnlyList<string> TakeConditions()
    {
        var taken = _ruleConditions.Skip(_takenConditions).ToArray();
        _takenConditions = _ruleConditions.Count;
        return taken;
    }
}
