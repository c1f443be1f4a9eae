using SharpBase.Core.Query.Syntax;
using Xunit;

namespace SharpBase.Core.Tests.Query;

public sealed class FilterParserTests
{
    private static string Show(FilterNode node) => node switch
    {
        LogicalNode l => $"({Show(l.Left)} {(l.Operator == LogicalOperator.And ? "AND" : "OR")} {Show(l.Right)})",
        ComparisonNode c => $"{Show(c.Left)} {c.Operator} {Show(c.Right)}",
        _ => "?",
    };

    private static string Show(Operand operand) => operand switch
    {
        IdentifierOperand i => i.Path,
        LiteralOperand { Value: null } => "NULL",
        LiteralOperand { Value: string s } => $"'{s}'",
        LiteralOperand { Value: bool b } => b ? "TRUE" : "FALSE",
        LiteralOperand { Value: double d } => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FunctionOperand f => $"{f.Name}[{string.Join(", ", f.Arguments.Select(Show))}]",
        _ => "?",
    };

    [Theory]
    [InlineData("a = 1", "a Equal 1")]
    [InlineData("'abc' = title", "'abc' Equal title")]
    [InlineData("a=1&&b=2", "(a Equal 1 AND b Equal 2)")]
    [InlineData("a=1 || b=2 && c=3", "(a Equal 1 OR (b Equal 2 AND c Equal 3))")]
    [InlineData("a=1 && b=2 || c=3", "((a Equal 1 AND b Equal 2) OR c Equal 3)")]
    [InlineData("(a=1 || b=2) && c=3", "((a Equal 1 OR b Equal 2) AND c Equal 3)")]
    [InlineData("a=1 && b=2 && c=3", "((a Equal 1 AND b Equal 2) AND c Equal 3)")]
    [InlineData("((a = -1.5))", "a Equal -1.5")]
    [InlineData("a = null && b != NULL", "(a Equal NULL AND b NotEqual NULL)")]
    [InlineData("a = True || b = fAlSe", "(a Equal TRUE OR b Equal FALSE)")]
    [InlineData("a ?!~ 'x' // tail", "a AnyNotLike 'x'")]
    [InlineData("strftime('%Y', created) = '2024'", "strftime['%Y', created] Equal '2024'")]
    [InlineData("geoDistance(a.lon, a.lat, 23.3, 42.6,) < 25", "geoDistance[a.lon, a.lat, 23.3, 42.6] Less 25")]
    [InlineData("f() = 1", "f[] Equal 1")]
    [InlineData("f( g( h(x) ), // c\n 'y') = 1", "f[g[h[x]], 'y'] Equal 1")]
    [InlineData("f(null, true, 'x') = 1", "f[NULL, TRUE, 'x'] Equal 1")]
    public void ParsesToTheExpectedTree(string filter, string expected) =>
        Assert.Equal(expected, Show(FilterParser.Parse(filter)));

    [Fact]
    public void OperandsKeepPositions()
    {
        var node = Assert.IsType<ComparisonNode>(FilterParser.Parse("  title ~ 'x'"));
        Assert.Equal(3, node.Left.Position);
        Assert.Equal(11, node.Right.Position);
        Assert.Equal("x", Assert.IsType<LiteralOperand>(node.Right).Value);
    }

    [Theory]
    [InlineData("", "Invalid filter: the filter is empty.")]
    [InlineData("   // only a comment", "Invalid filter: the filter is empty.")]
    [InlineData("a", "Invalid filter: expected an operator but found the end of the filter at position 2.")]
    [InlineData("title 'x'", "Invalid filter: expected an operator but found quoted text at position 7.")]
    [InlineData("a =", "Invalid filter: expected a right operand (identifier, function, text or number) but found the end of the filter at position 4.")]
    [InlineData("a = 1 b = 2", "Invalid filter: expected && or || but found \"b\" at position 7.")]
    [InlineData("a = 1 &&", "Invalid filter: expected an operand (identifier, function, text or number) but found the end of the filter at position 9.")]
    [InlineData("= 1", "Invalid filter: expected an operand (identifier, function, text or number) but found \"=\" at position 1.")]
    [InlineData("(a = 1", "Invalid filter: missing closing \")\" at position 1.")]
    [InlineData("a = 1)", "Invalid filter: unmatched \")\" at position 6.")]
    [InlineData("()", "Invalid filter: empty parentheses at position 1.")]
    [InlineData("(a=1)(b=2)", "Invalid filter: expected && or || but found \"(\" at position 6.")]
    [InlineData("a = 1 || , ", "Invalid filter: expected an operand (identifier, function, text or number) but found \",\" at position 10.")]
    [InlineData("f(a b) = 1", "Invalid filter: expected \",\" or \")\" but found \"b\" at position 5.")]
    [InlineData("f(,) = 1", "Invalid filter: expected a function argument (identifier, function, text or number) but found \",\" at position 3.")]
    [InlineData("f(a,,) = 1", "Invalid filter: expected a function argument (identifier, function, text or number) but found \",\" at position 5.")]
    [InlineData("f(a = 1", "Invalid filter: expected \",\" or \")\" but found \"=\" at position 5.")]
    [InlineData("f(a", "Invalid filter: missing \")\" after the arguments of \"f\" at position 1.")]
    [InlineData("f (a) = 1", "Invalid filter: expected an operator but found \"(\" at position 3.")]
    [InlineData("a.(b) = 1", "Invalid filter: invalid function name \"a.\" at position 1.")]
    [InlineData("a = (b = 1)", "Invalid filter: expected a right operand (identifier, function, text or number) but found \"(\" at position 5.")]
    public void ErrorsSayWhatAndWhere(string filter, string message)
    {
        var error = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(filter));
        Assert.Equal(message, error.Message);
        Assert.Equal(400, error.Status);
        Assert.IsAssignableFrom<SharpBase.Core.Errors.ApiException>(error);
    }

    [Fact]
    public void ErrorMessagesQuoteOnlyAShortSnippet()
    {
        var longName = new string('x', 200);
        var error = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse($"a = 1 {longName}"));
        Assert.DoesNotContain(new string('x', 17), error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CacheReturnsTheSameTreeAndStaysBounded()
    {
        var cache = new ParsedFilterCache(3);
        var first = cache.GetOrParse("a = 1");
        Assert.Same(first, cache.GetOrParse("a = 1"));
        for (var i = 0; i < 10; i++)
        {
            cache.GetOrParse($"a = {i}");
            Assert.True(cache.Count <= 3);
        }

        Assert.Throws<FilterSyntaxException>(() => cache.GetOrParse("a ="));
        Assert.Same(FilterParser.ParseCached("b = 2"), FilterParser.ParseCached("b = 2"));
    }

    [Fact]
    public void CacheIsThreadSafe()
    {
        var cache = new ParsedFilterCache(50);
        Parallel.For(0, 2000, i => Assert.IsType<ComparisonNode>(cache.GetOrParse($"a = {i % 120}")));
        Assert.True(cache.Count <= 50);
    }
}
