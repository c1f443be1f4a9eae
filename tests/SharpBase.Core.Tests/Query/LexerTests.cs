using SharpBase.Core.Query.Syntax;
using Xunit;

namespace SharpBase.Core.Tests.Query;

public sealed class LexerTests
{
    private static Token Single(string text)
    {
        var tokens = Lexer.Tokenize(text);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(TokenKind.End, tokens[1].Kind);
        return tokens[0];
    }

    [Theory]
    [InlineData("title")]
    [InlineData("author.name")]
    [InlineData("@request.auth.id")]
    [InlineData("tags:length")]
    [InlineData("@collection.users:u.email")]
    [InlineData("_private")]
    [InlineData("#hash1")]
    [InlineData("a1_b2.c3:each")]
    public void Identifiers(string text)
    {
        var token = Single(text);
        Assert.Equal(TokenKind.Identifier, token.Kind);
        Assert.Equal(text, token.Text);
        Assert.Equal(1, token.Position);
    }

    [Theory]
    [InlineData("a.")]
    [InlineData("a:")]
    [InlineData("@")]
    [InlineData("_")]
    [InlineData("#")]
    public void InvalidIdentifiers(string text)
    {
        var error = Assert.Throws<FilterSyntaxException>(() => Lexer.Tokenize(text));
        Assert.Contains("invalid identifier", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Position);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-1", "-1")]
    [InlineData("12.5", "12.5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("-.5", "-.5")]
    public void Numbers(string text, string literal)
    {
        var token = Single(text);
        Assert.Equal(TokenKind.Number, token.Kind);
        Assert.Equal(literal, token.Text);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData("-.")]
    public void InvalidNumbers(string text) =>
        Assert.Contains("invalid number", Assert.Throws<FilterSyntaxException>(() => Lexer.Tokenize(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void NumberStopsAtSecondDotAndExponent()
    {
        var tokens = Lexer.Tokenize("1e5");
        Assert.Equal([TokenKind.Number, TokenKind.Identifier, TokenKind.End], tokens.Select(t => t.Kind));
        Assert.Throws<FilterSyntaxException>(() => Lexer.Tokenize("1.2.3")); // ".3" is not a token start
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("\"abc\"", "abc")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"a\\\\b\"", "a\\b")]
    [InlineData("\"a\\nb\\tc\\rd\"", "a\nb\tc\rd")]
    [InlineData("\"\\u00e9\\u0041\"", "éA")]
    [InlineData("\"\\/\"", "/")]
    [InlineData("'50\\%'", "50\\%")]
    [InlineData("'a\\_b'", "a\\_b")]
    [InlineData("'\\uZZZZ'", "\\uZZZZ")]
    [InlineData("'x\"y'", "x\"y")]
    [InlineData("''", "")]
    [InlineData("'ünïcödé ✓'", "ünïcödé ✓")]
    public void Text(string text, string value)
    {
        var token = Single(text);
        Assert.Equal(TokenKind.Text, token.Kind);
        Assert.Equal(value, token.Text);
    }

    [Theory]
    [InlineData("'abc")]
    [InlineData("\"abc\\\"")]
    [InlineData("'abc\\")]
    public void UnterminatedText(string text)
    {
        var error = Assert.Throws<FilterSyntaxException>(() => Lexer.Tokenize(text));
        Assert.Equal("Invalid filter: unterminated quoted text at position 1.", error.Message);
    }

    [Theory]
    [InlineData("=", ComparisonOperator.Equal)]
    [InlineData("!=", ComparisonOperator.NotEqual)]
    [InlineData(">", ComparisonOperator.Greater)]
    [InlineData(">=", ComparisonOperator.GreaterOrEqual)]
    [InlineData("<", ComparisonOperator.Less)]
    [InlineData("<=", ComparisonOperator.LessOrEqual)]
    [InlineData("~", ComparisonOperator.Like)]
    [InlineData("!~", ComparisonOperator.NotLike)]
    [InlineData("?=", ComparisonOperator.AnyEqual)]
    [InlineData("?!=", ComparisonOperator.AnyNotEqual)]
    [InlineData("?>", ComparisonOperator.AnyGreater)]
    [InlineData("?>=", ComparisonOperator.AnyGreaterOrEqual)]
    [InlineData("?<", ComparisonOperator.AnyLess)]
    [InlineData("?<=", ComparisonOperator.AnyLessOrEqual)]
    [InlineData("?~", ComparisonOperator.AnyLike)]
    [InlineData("?!~", ComparisonOperator.AnyNotLike)]
    public void Operators(string text, ComparisonOperator op)
    {
        var token = Single(text);
        Assert.Equal(TokenKind.Operator, token.Kind);
        Assert.Equal(op, token.Operator);
    }

    [Theory]
    [InlineData("==")]
    [InlineData("=!")]
    [InlineData("?")]
    [InlineData("!")]
    [InlineData("<>")]
    [InlineData("?!~=")]
    public void InvalidOperators(string text) =>
        Assert.Contains("invalid operator", Assert.Throws<FilterSyntaxException>(() => Lexer.Tokenize(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void JoinsParenthesesCommasAndFunctions()
    {
        var tokens = Lexer.Tokenize("&& || ( ) , f(");
        Assert.Equal(
            [TokenKind.And, TokenKind.Or, TokenKind.OpenParen, TokenKind.CloseParen, TokenKind.Comma, TokenKind.Function, TokenKind.OpenParen, TokenKind.End],
            tokens.Select(t => t.Kind));
        Assert.Equal([1, 4, 7, 9, 11, 13, 14, 15], tokens.Select(t => t.Position));
    }

    [Theory]
    [InlineData("&")]
    [InlineData("|")]
    [InlineData("&|")]
    [InlineData("|||")]
    public void InvalidJoins(string text) =>
        Assert.Contains("invalid join operator", Assert.Throws<FilterSyntaxException>(() => Lexer.Tokenize(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void WhitespaceAndCommentsAreSkipped()
    {
        var tokens = Lexer.Tokenize(" \t\r\n// a comment = 'x'\r\n  a // trailing");
        Assert.Equal(TokenKind.Identifier, tokens[0].Kind);
        Assert.Equal(27, tokens[0].Position);
        Assert.Equal(TokenKind.End, tokens[1].Kind);
    }

    [Fact]
    public void LoneSlashIsAnError()
    {
        var error = Assert.Throws<FilterSyntaxException>(() => Lexer.Tokenize("a / b"));
        Assert.Equal(3, error.Position);
    }

    [Theory]
    [InlineData("a $ b", "$", 3)]
    [InlineData("é", "é", 1)]
    [InlineData(".5", ".", 1)]
    [InlineData("a;", ";", 2)]
    public void UnexpectedCharacters(string text, string ch, int position)
    {
        var error = Assert.Throws<FilterSyntaxException>(() => Lexer.Tokenize(text));
        Assert.Equal($"Invalid filter: unexpected character \"{ch}\" at position {position}.", error.Message);
        Assert.Equal(400, error.Status);
    }
}
