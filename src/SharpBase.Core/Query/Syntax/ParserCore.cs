using System.Globalization;

namespace SharpBase.Core.Query.Syntax;

/// <summary>The recursive-descent parser behind <see cref="FilterParser"/>; one instance per parse.</summary>
internal sealed class ParserCore(string text)
{
    private readonly Lexer _lexer = new(text);
    private Token _current;
    private int _expressions;

    public FilterNode ParseFilter()
    {
        Advance();
        if (_current.Kind == TokenKind.End)
        {
            throw new FilterSyntaxException("the filter is empty");
        }

        var node = ParseOr(0);
        if (_current.Kind != TokenKind.End)
        {
            throw _current.Kind == TokenKind.CloseParen
                ? new FilterSyntaxException("unmatched \")\"", _current.Position)
                : Unexpected("&& or ||");
        }

        return node;
    }

    private void Advance() => _current = _lexer.Next();

    private FilterNode ParseOr(int depth)
    {
        var left = ParseAnd(depth);
        while (_current.Kind == TokenKind.Or)
        {
            Advance();
            left = new LogicalNode(LogicalOperator.Or, left, ParseAnd(depth));
        }

        return left;
    }

    private FilterNode ParseAnd(int depth)
    {
        var left = ParsePrimary(depth);
        while (_current.Kind == TokenKind.And)
        {
            Advance();
            left = new LogicalNode(LogicalOperator.And, left, ParsePrimary(depth));
        }

        return left;
    }

    private FilterNode ParsePrimary(int depth)
    {
        if (_current.Kind != TokenKind.OpenParen)
        {
            return ParseComparison();
        }

        var open = _current;
        if (depth >= FilterLimits.MaxDepth)
        {
            throw new FilterSyntaxException($"parentheses nested deeper than {FilterLimits.MaxDepth} levels", open.Position);
        }

        Advance();
        if (_current.Kind == TokenKind.CloseParen)
        {
            throw new FilterSyntaxException("empty parentheses", open.Position);
        }

        var inner = ParseOr(depth + 1);
        if (_current.Kind != TokenKind.CloseParen)
        {
            throw _current.Kind == TokenKind.End
                ? new FilterSyntaxException("missing closing \")\"", open.Position)
                : Unexpected("&&, || or \")\"");
        }

        Advance();
        return inner;
    }

    private ComparisonNode ParseComparison()
    {
        var left = ParseOperand("an operand (identifier, function, text or number)", 0);
        if (_current.Kind != TokenKind.Operator)
        {
            throw Unexpected("an operator");
        }

        var op = _current.Operator;
        Advance();
        var right = ParseOperand("a right operand (identifier, function, text or number)", 0);
        if (++_expressions > FilterLimits.MaxExpressions)
        {
            throw new FilterSyntaxException($"more than {FilterLimits.MaxExpressions} expressions", left.Position);
        }

        return new ComparisonNode(left, op, right);
    }

    private Operand ParseOperand(string expected, int functionDepth)
    {
        var token = _current;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                Advance();
                return ToIdentifierOrLiteral(token);
            case TokenKind.Text:
                Advance();
                return new LiteralOperand(token.Text, token.Position);
            case TokenKind.Number:
                Advance();
                return new LiteralOperand(ParseNumber(token), token.Position);
            case TokenKind.Function:
                return ParseFunction(functionDepth + 1);
            default:
                throw Unexpected(expected);
        }
    }

    private FunctionOperand ParseFunction(int functionDepth)
    {
        var name = _current;
        if (functionDepth > FilterLimits.MaxFunctionDepth)
        {
            throw new FilterSyntaxException($"functions nested deeper than {FilterLimits.MaxFunctionDepth} levels", name.Position);
        }

        Advance(); // the name; the lexer guarantees "(" follows
        Advance();
        var arguments = new List<Operand>();
        while (_current.Kind != TokenKind.CloseParen)
        {
            if (_current.Kind == TokenKind.End)
            {
                throw new FilterSyntaxException($"missing \")\" after the arguments of {FilterSyntaxException.Snippet(name.Text)}", name.Position);
            }

            if (arguments.Count == FilterLimits.MaxFunctionArguments)
            {
                throw new FilterSyntaxException($"more than {FilterLimits.MaxFunctionArguments} function arguments", _current.Position);
            }

            arguments.Add(ParseOperand("a function argument (identifier, function, text or number)", functionDepth));
            if (_current.Kind == TokenKind.Comma)
            {
                Advance();
            }
            else if (_current.Kind != TokenKind.CloseParen && _current.Kind != TokenKind.End)
            {
                throw Unexpected("\",\" or \")\"");
            }
        }

        Advance();
        return new FunctionOperand(name.Text, arguments.AsReadOnly(), name.Position);
    }

    private static Operand ToIdentifierOrLiteral(Token token)
    {
        if (token.Text.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return new LiteralOperand(null, token.Position);
        }

        if (token.Text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new LiteralOperand(true, token.Position);
        }

        return token.Text.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? new LiteralOperand(false, token.Position)
            : new IdentifierOperand(token.Text, token.Position);
    }

    private static double ParseNumber(Token token)
    {
        if (double.TryParse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) &&
            double.IsFinite(value))
        {
            return value;
        }

        throw new FilterSyntaxException($"number out of range {FilterSyntaxException.Snippet(token.Text)}", token.Position);
    }

    private FilterSyntaxException Unexpected(string expected)
    {
        var found = _current.Kind switch
        {
            TokenKind.End => "the end of the filter",
            TokenKind.Text => "quoted text",
            _ => FilterSyntaxException.Snippet(_current.Text),
        };
        return new FilterSyntaxException($"expected {expected} but found {found}", _current.Position);
    }
}
