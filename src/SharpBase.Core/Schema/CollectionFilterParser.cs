using SharpBase.Core.Errors;

namespace SharpBase.Core.Schema;

/// <summary>
/// A small recursive-descent parser for the collections list filter: <c>prop op value</c> terms with
/// <c>= != ~ !~</c>, joined by <c>&amp;&amp;</c>, <c>||</c> and parentheses. Every error is a 400 that says where.
/// </summary>
internal sealed class CollectionFilterParser(string text)
{
    private const int MaxDepth = 32;
    private int _position;
    private int _depth;

    public Func<Collection, bool> Parse()
    {
        var result = Or();
        SkipSpace();
        return _position == text.Length ? result : throw Error($"unexpected \"{text[_position]}\"");
    }

    private Func<Collection, bool> Or()
    {
        var left = And();
        while (Take("||"))
        {
            var (a, b) = (left, And());
            left = c => a(c) || b(c);
        }

        return left;
    }

    private Func<Collection, bool> And()
    {
        var left = Term();
        while (Take("&&"))
        {
            var (a, b) = (left, Term());
            left = c => a(c) && b(c);
        }

        return left;
    }

    private Func<Collection, bool> Term()
    {
        if (Take("("))
        {
            if (++_depth > MaxDepth)
            {
                throw Error("too deeply nested");
            }

            var inner = Or();
            _depth--;
            return Take(")") ? inner : throw Error("missing \")\"");
        }

        var property = Identifier();
        _ = CollectionQuery.Value(new Collection(), property);
        var op = Take("!=") ? "!=" : Take("!~") ? "!~" : Take("=") ? "=" : Take("~") ? "~" : throw Error("expected one of = != ~ !~");
        var value = Literal();
        return op switch
        {
            "=" => c => string.Equals(CollectionQuery.Value(c, property), value, StringComparison.Ordinal),
            "!=" => c => !string.Equals(CollectionQuery.Value(c, property), value, StringComparison.Ordinal),
            "~" => c => CollectionQuery.Value(c, property).Contains(value, StringComparison.OrdinalIgnoreCase),
            _ => c => !CollectionQuery.Value(c, property).Contains(value, StringComparison.OrdinalIgnoreCase),
        };
    }

    private string Identifier()
    {
        SkipSpace();
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_'))
        {
            _position++;
        }

        return _position > start ? text[start.._position] : throw Error("expected a property name");
    }

    private string Literal()
    {
        SkipSpace();
        if (_position < text.Length && text[_position] is '\'' or '"')
        {
            var quote = text[_position++];
            var value = new System.Text.StringBuilder();
            while (_position < text.Length && text[_position] != quote)
            {
                if (text[_position] == '\\' && _position + 1 < text.Length)
                {
                    _position++;
                }

                value.Append(text[_position++]);
            }

            return _position++ < text.Length ? value.ToString() : throw Error("unterminated string");
        }

        var word = Identifier();
        return word is "true" or "false" ? word : throw Error($"expected a quoted value or true/false, found \"{word}\"");
    }

    private bool Take(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, _position, token, 0, token.Length) == 0)
        {
            _position += token.Length;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private BadRequestException Error(string what) =>
        new($"Invalid filter at position {_position + 1}: {what}.");
}
