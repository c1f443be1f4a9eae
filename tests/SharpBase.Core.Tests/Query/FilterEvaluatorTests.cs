using SharpBase.Core.Query.InMemory;
using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Query.Syntax;
using Xunit;

namespace SharpBase.Core.Tests.Query;

public sealed class FilterEvaluatorTests
{
    private static readonly Dictionary<string, FilterValue> Values = new()
    {
        ["title"] = FilterValue.Of("Hello World") with { Affinity = SqlAffinity.Text },
        ["empty"] = FilterValue.Of("") with { Affinity = SqlAffinity.Text },
        ["nothing"] = FilterValue.Null,
        ["count"] = FilterValue.Of(5) with { Affinity = SqlAffinity.Numeric },
        ["numtext"] = FilterValue.Of("10") with { Affinity = SqlAffinity.Text },
        ["flag"] = FilterValue.Of(true) with { Affinity = SqlAffinity.Numeric },
        ["created"] = FilterValue.Of("2024-05-01 10:00:00.000Z") with { Affinity = SqlAffinity.Text },
        ["length"] = FilterValue.Of(2L),
        ["tags"] = FilterValue.List(["red", "green"]),
        ["reds"] = FilterValue.List(["red", "red"]),
        ["none"] = FilterValue.List([]),
        ["scores"] = FilterValue.List([1.0, 7.0]),
        ["json"] = FilterValue.Null with { DisableNullFolding = true },
        ["jsonEmpty"] = FilterValue.Of("") with { DisableNullFolding = true },
        ["pct"] = FilterValue.Of("50% off_now"),
        ["pattern"] = FilterValue.Of("l%o"),
        ["hiddenEmail"] = FilterValue.Null with { Unmatchable = true },
        ["joined"] = FilterValue.List([1.0, 30.0]) with { MatchAll = false },
    };

    private static bool Eval(string filter) => FilterEvaluator.Evaluate(FilterParser.Parse(filter), new DictionaryScope());

    [Theory]
    [InlineData("title = 'Hello World'", true)]
    [InlineData("title = 'hello world'", false)]
    [InlineData("title != 'x'", true)]
    [InlineData("'Hello World' = title", true)]
    [InlineData("count = 5", true)]
    [InlineData("count = '5'", true)]
    [InlineData("count = '5.0'", true)]
    [InlineData("count != 6", true)]
    [InlineData("numtext = '10'", true)]
    [InlineData("flag = true", true)]
    [InlineData("flag = 1", true)]
    [InlineData("flag != false", true)]
    [InlineData("count > 4", true)]
    [InlineData("count >= 5", true)]
    [InlineData("count < 5", false)]
    [InlineData("count <= 5", true)]
    [InlineData("numtext > '9'", false)]
    [InlineData("title > 'A'", true)]
    [InlineData("title < 'a'", true)]
    [InlineData("count < 'abc'", true)]
    [InlineData("created >= '2024-01-01 00:00:00'", true)]
    [InlineData("created < '2024-05-01 10:00:00.001Z'", true)]
    [InlineData("created > '2024-05-01 10:00:00.001Z'", false)]
    public void ScalarOperators(string filter, bool expected) => Assert.Equal(expected, Eval(filter));

    /// <summary>SQLite's affinity rules (the SQL on SQLite is the reference; see Query/README.md).</summary>
    [Theory]
    [InlineData("5 = '5'", false)] // two bound values: REAL vs TEXT, no affinity
    [InlineData("'5' != 5", true)]
    [InlineData("5 < 'a'", true)] // every number sorts before every text
    [InlineData("count = '5'", true)] // a NUMERIC column turns numeric-looking text into a number
    [InlineData("count = ' 5.0 '", true)]
    [InlineData("count > '40'", false)]
    [InlineData("count < 'abc'", true)]
    [InlineData("numtext = 10", false)] // a TEXT column turns the REAL 10.0 into '10.0'
    [InlineData("numtext < 9", true)] // '10' < '9.0'
    [InlineData("empty < false", true)] // '' < '0'
    [InlineData("title < false", false)] // 'Hello World' > '0'
    [InlineData("flag = '1'", true)]
    [InlineData("flag = 'true'", false)]
    [InlineData("length = '2'", false)] // :length has no affinity
    [InlineData("length = 2", true)]
    [InlineData("5 ~ title", false)] // the bound REAL is '5.0' as text
    [InlineData("count ~ 5", true)] // the bound pattern is Go's '5'
    [InlineData("created > @year", true)] // the INTEGER 2024 as text
    public void Affinity(string filter, bool expected) => Assert.Equal(expected, Eval(filter));

    [Theory]
    [InlineData("nothing = ''", true)]
    [InlineData("nothing = null", true)]
    [InlineData("empty = null", true)]
    [InlineData("empty = nothing", true)]
    [InlineData("nothing != ''", false)]
    [InlineData("nothing != 'x'", true)]
    [InlineData("nothing = 'x'", false)]
    [InlineData("nothing = 0", false)]
    [InlineData("nothing != 0", true)]
    [InlineData("nothing > 0", false)]
    [InlineData("nothing < 0", false)]
    [InlineData("json = null", true)]
    [InlineData("json = ''", false)]
    [InlineData("json != ''", true)]
    [InlineData("jsonEmpty = ''", true)]
    [InlineData("jsonEmpty = null", false)]
    public void NullAndEmptyFolding(string filter, bool expected) => Assert.Equal(expected, Eval(filter));

    [Theory]
    [InlineData("title ~ 'world'", true)]
    [InlineData("title ~ 'WORLD'", true)]
    [InlineData("title !~ 'world'", false)]
    [InlineData("title ~ 'xyz'", false)]
    [InlineData("title ~ 'H%d'", true)]
    [InlineData("title ~ 'H%x'", false)]
    [InlineData("title ~ 'Hello_World'", false)]
    [InlineData("title ~ 'Hello%World'", true)]
    [InlineData("pct ~ '50%'", true)]
    [InlineData("pct ~ '0\\% off'", true)]
    [InlineData("pct ~ 'o_f'", false)]
    [InlineData("pct ~ 'f\\_n'", true)]
    [InlineData("title ~ pattern", true)]
    [InlineData("title ~ nothing", false)]
    [InlineData("title !~ nothing", false)]
    [InlineData("nothing ~ 'x'", false)]
    [InlineData("nothing !~ 'x'", false)]
    [InlineData("count ~ 5", true)]
    [InlineData("title ~ ''", true)]
    public void Like(string filter, bool expected) => Assert.Equal(expected, Eval(filter));

    [Theory]
    [InlineData("tags = 'red'", false)]
    [InlineData("tags ?= 'red'", true)]
    [InlineData("reds = 'red'", true)]
    [InlineData("tags != 'blue'", true)]
    [InlineData("tags != 'red'", false)]
    [InlineData("tags ?!= 'red'", true)]
    [InlineData("tags ~ 'e'", true)]
    [InlineData("tags ~ 'd'", false)]
    [InlineData("tags ?~ 'gr'", true)]
    [InlineData("tags !~ 'x'", true)]
    [InlineData("tags ?!~ 'red'", true)]
    [InlineData("scores > 0", true)]
    [InlineData("scores > 5", false)]
    [InlineData("scores ?> 5", true)]
    [InlineData("scores ?>= 7", true)]
    [InlineData("scores < 7", false)]
    [InlineData("scores ?< 7", true)]
    [InlineData("scores <= 7", true)]
    [InlineData("scores ?<= 0", false)]
    [InlineData("'red' = tags", false)]
    [InlineData("'red' ?= tags", true)]
    [InlineData("tags ?= reds", true)]
    [InlineData("reds = reds", true)]
    [InlineData("tags = reds", false)]
    [InlineData("none = ''", true)]
    [InlineData("none ?= ''", true)]
    [InlineData("none = 'x'", false)]
    [InlineData("none != 'x'", true)]
    [InlineData("none > 0", false)]
    [InlineData("joined < 10", true)]
    [InlineData("joined > 100", false)]
    public void MultiMatch(string filter, bool expected) => Assert.Equal(expected, Eval(filter));

    [Theory]
    [InlineData("hiddenEmail = ''", false)]
    [InlineData("hiddenEmail != 'x'", false)]
    [InlineData("count = 5 && title ~ 'hello'", true)]
    [InlineData("count = 6 && title ~ 'hello'", false)]
    [InlineData("count = 6 || title ~ 'hello'", true)]
    [InlineData("count = 6 || count = 7 || count = 5", true)]
    [InlineData("count = 5 || count = 6 && count = 7", true)]
    [InlineData("(count = 5 || count = 6) && count = 7", false)]
    public void UnmatchableAndLogic(string filter, bool expected) => Assert.Equal(expected, Eval(filter));

    [Fact]
    public void LongChainsEvaluateWithoutDeepRecursion()
    {
        var filter = string.Join(" || ", Enumerable.Range(0, FilterLimits.MaxExpressions).Select(i => $"count = {i + 100}"));
        Assert.False(Eval(filter));
        Assert.True(Eval(filter.Replace("count = 299", "count = 5", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnyOperatorsMapToTheirBase()
    {
        Assert.Equal(ComparisonOperator.NotLike, FilterEvaluator.ToBase(ComparisonOperator.AnyNotLike));
        Assert.Equal(ComparisonOperator.Equal, FilterEvaluator.ToBase(ComparisonOperator.AnyEqual));
        Assert.Equal(ComparisonOperator.Less, FilterEvaluator.ToBase(ComparisonOperator.Less));
        Assert.True(FilterEvaluator.IsAny(ComparisonOperator.AnyLessOrEqual));
        Assert.False(FilterEvaluator.IsAny(ComparisonOperator.NotLike));
    }

    private sealed class DictionaryScope : IFilterScope
    {
        public FilterValue Resolve(IdentifierOperand identifier) =>
            identifier.Path.StartsWith('@') ? Macro(identifier.Path) : Values.TryGetValue(identifier.Path, out var value) ? value : throw new FilterFieldException("unknown field", identifier.Position);

        public FilterValue Call(FunctionOperand function, IReadOnlyList<FilterValue> arguments) =>
            FilterFunctions.Invoke(function, arguments, DateTimeOffset.UnixEpoch);

        public static FilterValue Macro(string name) =>
            DateTimeMacros.TryGetValue(name, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), out var value) ? FilterValue.Of(value) with { IsLiteral = true } : FilterValue.Null;
    }
}
