namespace SharpBase.Core.Query.Syntax;

/// <summary>
/// Splits a filter into tokens following fexpr's scanner: whitespace (space, tab, CR, LF) and <c>//</c> comments are
/// skipped; identifiers, numbers, quoted text, the 16 comparison operators, <c>&amp;&amp;</c>, <c>||</c>, parentheses
/// and commas are returned with their 1-based start position. Every failure is a <see cref="FilterSyntaxException"/>.
/// </summary>
public sealed partial class Lexer(string text)
{
    private readonly string _text = text ?? "";
    private int _index;

    /// <summary>Reads every token up to and including <see cref="TokenKind.End"/>.</summary>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.End);

        return tokens;
    }

    /// <summary>Reads the next token; after the end it keeps returning <see cref="TokenKind.End"/>.</summary>
    public Token Next()
    {
        SkipTrivia();
        if (_index >= _text.Length)
        {
            return new Token(TokenKind.End, "", _text.Length + 1);
        }

        var start = _index;
        var ch = _text[_index];
        switch (ch)
        {
            case '(':
                _index++;
                return new Token(TokenKind.OpenParen, "(", start + 1);
            case ')':
                _index++;
                return new Token(TokenKind.CloseParen, ")", start + 1);
            case ',':
                _index++;
                return new Token(TokenKind.Comma, ",", start + 1);
            case '\'' or '"':
                return ScanText();
        }

        if (IsIdentifierStart(ch))
        {
            return ScanIdentifier();
        }

        if (ch == '-' || IsDigit(ch))
        {
            return ScanNumber();
        }

        if (IsOperatorChar(ch))
        {
            return ScanOperator();
        }

        if (ch is '&' or '|')
        {
            return ScanJoin();
        }

        throw new FilterSyntaxException($"unexpected character {FilterSyntaxException.Snippet(ch.ToString())}", start + 1);
    }

    private void SkipTrivia()
    {
        while (_index < _text.Length)
        {
            var ch = _text[_index];
            if (ch is ' ' or '\t' or '\n' or '\r')
            {
                _index++;
            }
            else if (ch == '/')
            {
                if (_index + 1 >= _text.Length || _text[_index + 1] != '/')
                {
                    throw new FilterSyntaxException("invalid comment (expected \"//\")", _index + 1);
                }

                var end = _text.IndexOf('\n', _index);
                _index = end < 0 ? _text.Length : end + 1;
            }
            else
            {
                return;
            }
        }
    }

    private Token ScanIdentifier()
    {
        var start = _index;
        _index++;
        while (_index < _text.Length && IsIdentifierPart(_text[_index]))
        {
            _index++;
        }

        var name = _text[start.._index];
        var isFunction = _index < _text.Length && _text[_index] == '(';
        if (name.Length > FilterLimits.MaxIdentifierLength)
        {
            throw new FilterSyntaxException($"identifier longer than {FilterLimits.MaxIdentifierLength} characters", start + 1);
        }

        if (name[^1] is '.' or ':' || (name.Length == 1 && name[0] is '@' or '_' or '#'))
        {
            var what = isFunction ? "function name" : "identifier";
            throw new FilterSyntaxException($"invalid {what} {FilterSyntaxException.Snippet(name)}", start + 1);
        }

        return new Token(isFunction ? TokenKind.Function : TokenKind.Identifier, name, start + 1);
    }

    private Token ScanNumber()
    {
        var start = _index;
        var hadDot = false;
        while (_index < _text.Length)
        {
            var ch = _text[_index];
            if (IsDigit(ch) || (ch == '-' && _index == start) || (ch == '.' && !hadDot))
            {
                hadDot |= ch == '.';
                _index++;
                continue;
            }

            break;
        }

        var literal = _text[start.._index];
        if (literal == "-" || literal[0] == '.' || literal[^1] == '.')
        {
            throw new FilterSyntaxException($"invalid number {FilterSyntaxException.Snippet(literal)}", start + 1);
        }

        return new Token(TokenKind.Number, literal, start + 1);
    }

    private Token ScanOperator()
    {
        var start = _index;
        while (_index < _text.Length && IsOperatorChar(_text[_index]))
        {
            _index++;
        }

        var literal = _text[start.._index];
        if (!TryParseOperator(literal, out var op))
        {
            throw new FilterSyntaxException($"invalid operator {FilterSyntaxException.Snippet(literal)}", start + 1);
        }

        return new Token(TokenKind.Operator, literal, start + 1, op);
    }

    private Token ScanJoin()
    {
        var start = _index;
        while (_index < _text.Length && _text[_index] is '&' or '|')
        {
            _index++;
        }

        var literal = _text[start.._index];
        return literal switch
        {
            "&&" => new Token(TokenKind.And, literal, start + 1),
            "||" => new Token(TokenKind.Or, literal, start + 1),
            _ => throw new FilterSyntaxException($"invalid join operator {FilterSyntaxException.Snippet(literal)} (expected && or ||)", start + 1),
        };
    }

    /// <summary>Maps an operator's text (<c>?!~</c>, <c>&gt;=</c>, …) to its enum value.</summary>
    public static bool TryParseOperator(string literal, out ComparisonOperator op)
    {
        op = literal switch
        {
            "=" => ComparisonOperator.Equal,
            "!=" => ComparisonOperator.NotEqual,
            ">" => ComparisonOperator.Greater,
            ">=" => ComparisonOperator.GreaterOrEqual,
            "<" => ComparisonOperator.Less,
            "<=" => ComparisonOperator.LessOrEqual,
            "~" => ComparisonOperator.Like,
            "!~" => ComparisonOperator.NotLike,
            "?=" => ComparisonOperator.AnyEqual,
            "?!=" => ComparisonOperator.AnyNotEqual,
            "?>" => ComparisonOperator.AnyGreater,
            "?>=" => ComparisonOperator.AnyGreaterOrEqual,
            "?<" => ComparisonOperator.AnyLess,
            "?<=" => ComparisonOperator.AnyLessOrEqual,
            "?~" => ComparisonOperator.AnyLike,
            "?!~" => ComparisonOperator.AnyNotLike,
            _ => (ComparisonOperator)(-1),
        };
        return (int)op >= 0;
    }

    private static bool IsDigit(char ch) => ch is >= '0' and <= '9';

    private static bool IsLetter(char ch) => ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsIdentifierStart(char ch) => IsLetter(ch) || ch is '@' or '_' or '#';

    private static bool IsIdentifierPart(char ch) => IsLetter(ch) || IsDigit(ch) || ch is '_' or '.' or ':';

    private static bool IsOperatorChar(char ch) => ch is '=' or '?' or '!' or '>' or '<' or '~';
}
