using System.Diagnostics;
using SharpBase.Core.Query.Syntax;
using Xunit;

namespace SharpBase.Core.Tests.Query;

public sealed class FilterLimitTests
{
    private static string Terms(int count) => string.Join(" && ", Enumerable.Range(0, count).Select(i => $"a = {i}"));

    private static string Nested(int depth) => new string('(', depth) + "a = 1" + new string(')', depth);

    [Fact]
    public void LengthAtTheLimitPasses()
    {
        var filter = "a = '" + new string('x', FilterLimits.MaxFilterLength - 6) + "'";
        Assert.Equal(FilterLimits.MaxFilterLength, filter.Length);
        Assert.IsType<ComparisonNode>(FilterParser.Parse(filter));
    }

    [Fact]
    public void LengthOverTheLimitFails()
    {
        var filter = "a = '" + new string('x', FilterLimits.MaxFilterLength - 5) + "'";
        var error = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(filter));
        Assert.Equal("Invalid filter: the filter is longer than 3500 bytes.", error.Message);
    }

    [Fact]
    public void LengthCountsUtf8Bytes()
    {
        var filter = "a = '" + new string('é', 1750) + "'"; // 1,756 chars, 3,506 bytes
        Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(filter));
    }

    [Fact]
    public void ExpressionsAtTheLimitPass() =>
        Assert.IsType<LogicalNode>(FilterParser.Parse(Terms(FilterLimits.MaxExpressions)));

    [Fact]
    public void ExpressionsOverTheLimitFail()
    {
        var error = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(Terms(FilterLimits.MaxExpressions + 1)));
        Assert.Contains("more than 200 expressions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DepthAtTheLimitPasses() =>
        Assert.IsType<ComparisonNode>(FilterParser.Parse(Nested(FilterLimits.MaxDepth)));

    [Fact]
    public void DepthOverTheLimitFails()
    {
        var error = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(Nested(FilterLimits.MaxDepth + 1)));
        Assert.Equal($"Invalid filter: parentheses nested deeper than 32 levels at position {FilterLimits.MaxDepth + 1}.", error.Message);
    }

    [Fact]
    public void IdentifierLengthBoundary()
    {
        Assert.IsType<ComparisonNode>(FilterParser.Parse(new string('a', FilterLimits.MaxIdentifierLength) + " = 1"));
        var error = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(new string('a', FilterLimits.MaxIdentifierLength + 1) + " = 1"));
        Assert.Contains("identifier longer than 255 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionArgumentBoundary()
    {
        static string Call(int count) => "f(" + string.Join(", ", Enumerable.Range(0, count)) + ") = 1";
        var node = Assert.IsType<ComparisonNode>(FilterParser.Parse(Call(FilterLimits.MaxFunctionArguments)));
        Assert.Equal(10, Assert.IsType<FunctionOperand>(node.Left).Arguments.Count);
        var error = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(Call(FilterLimits.MaxFunctionArguments + 1)));
        Assert.Contains("more than 10 function arguments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionDepthBoundary()
    {
        Assert.IsType<ComparisonNode>(FilterParser.Parse("a(b(c(1))) = 1"));
        var error = Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse("a(b(c(d(1)))) = 1"));
        Assert.Equal("Invalid filter: functions nested deeper than 3 levels at position 7.", error.Message);
    }

    [Fact]
    public void DeepNestingFailsFast()
    {
        var stopwatch = Stopwatch.StartNew();
        Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(new string('(', 2000) + "a=1" + new string(')', 2000)));
        Assert.Throws<FilterSyntaxException>(() => FilterParser.Parse(new string('(', 100_000)));
        Assert.Throws<FilterSyntaxException>(() => ParseUnlimited(new string('(', 2000) + "a=1" + new string(')', 2000)));
        Assert.True(stopwatch.ElapsedMilliseconds < 2000);
    }

    [Fact]
    public void ManyTermsFailFast()
    {
        var stopwatch = Stopwatch.StartNew();
        var error = Assert.Throws<FilterSyntaxException>(() => ParseUnlimited(Terms(5000)));
        Assert.Contains("more than 200 expressions", error.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.ElapsedMilliseconds < 2000);
    }

    [Fact]
    public void DeeplyNestedFunctionsFailFast() =>
        Assert.Throws<FilterSyntaxException>(() => ParseUnlimited(string.Concat(Enumerable.Repeat("f(", 2000)) + "1" + new string(')', 2000) + " = 1"));

    // Exercises the parser past the length limit, to show the depth and term limits hold on their own.
    private static FilterNode ParseUnlimited(string filter)
    {
        if (filter.Length <= FilterLimits.MaxFilterLength)
        {
            return FilterParser.Parse(filter);
        }

        var type = typeof(FilterParser).Assembly.GetType("SharpBase.Core.Query.Syntax.ParserCore", throwOnError: true)!;
        var parser = Activator.CreateInstance(type, filter)!;
        try
        {
            return (FilterNode)type.GetMethod("ParseFilter")!.Invoke(parser, null)!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is FilterSyntaxException inner)
        {
            throw inner;
        }
    }
}
