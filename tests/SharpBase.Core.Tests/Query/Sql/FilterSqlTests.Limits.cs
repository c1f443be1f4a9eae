using SharpBase.Core.Errors;
using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Query.Sql;
using Xunit;

namespace SharpBase.Core.Tests.Query.Sql;

/// <summary>
/// The comparison limit end to end (200 comparisons parse, compile and run; 201 fail in the parser and in the compiler)
/// and joins shared between comparisons.
/// </summary>
public abstract partial class FilterSqlTests
{
    private static string Comparisons(int count) => string.Join(" || ", Enumerable.Range(0, count).Select(i => $"views = {i}"));

    [Fact]
    public async Task Expressions_AtTheLimit_ParseCompileAndRun()
    {
        Assert.Equal(200, FilterLimits.MaxExpressions);
        var filter = Comparisons(FilterLimits.MaxExpressions);
        Assert.True(filter.Length < FilterLimits.MaxFilterLength);

        var node = FilterParser.Parse(filter);
        var compiled = FilterCompiler.Compile(node, Context());
        Assert.Equal(FilterLimits.MaxExpressions, compiled.Parameters.Count);
        Assert.Equal("p1,p2,p5", await RunAsync(compiled));
        Assert.Equal("p1,p2,p5", await IdsAsync(filter));
    }

    [Fact]
    public void Expressions_OverTheLimit_FailInTheParserAndInTheCompiler()
    {
        var filter = Comparisons(FilterLimits.MaxExpressions + 1);
        Assert.True(filter.Length < FilterLimits.MaxFilterLength);
        var parse = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(filter));
        Assert.Contains("more than 200 expressions", parse.Message, StringComparison.Ordinal);
        Assert.Throws<FilterSyntaxException>(() => FilterCompiler.Compile(filter, Context()));

        // A tree built without the parser (201 comparisons) is stopped by the compiler's own count.
        FilterNode tree = Comparison(0);
        for (var i = 1; i <= FilterLimits.MaxExpressions; i++)
        {
            tree = new LogicalNode(LogicalOperator.Or, tree, Comparison(i));
        }

        var compile = Assert.ThrowsAny<ApiException>(() => FilterCompiler.Compile(tree, Context()));
        Assert.Equal("max filter expressions limit reached", compile.Data["reason"]);
    }

    /// <summary>The joins are shared by the whole filter and the condition is tested per joined row (the evaluator mirrors it).</summary>
    [Theory]
    [InlineData("labels:each ?= \"a\" && labels:each ?!= \"a\"", "")]
    [InlineData("labels:each ?= \"a\" && labels:each ?!= \"b\"", "p1,p4")]
    [InlineData("labels:each ?= \"a\" || labels:each ?= \"c\"", "p1,p3,p4")]
    public async Task SameJoinInSeveralComparisons_IsTestedRowByRow(string filter, string expected) =>
        Assert.Equal(expected, await IdsAsync(filter));

    private static ComparisonNode Comparison(int i) =>
        new(new IdentifierOperand("views", 1), ComparisonOperator.Equal, new LiteralOperand((double)i, 9));
}
