using System.Text;

namespace SharpBase.Core.Schema;

/// <summary>A token of an index definition.</summary>
internal readonly record struct IndexToken(IndexTokenKind Kind, string Text);

/// <summary>Token kinds of an index definition.</summary>
internal enum IndexTokenKind
{
    Word,
    QuotedIdentifier,
    String,
    Number,
    Symbol,
}

/// <summary>Splits an index definition into words, identifiers, literals and symbols.</summary>
internal static class IndexTokenizer
{
    public static List<IndexToken> Tokenize(string text)
    {
        var tokens = new List<IndexToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '`' or '"' or '[')
            {
                var close = c == '[' ? ']' : c;
                tokens.Add(new(IndexTokenKind.QuotedIdentifier, ReadQuoted(text, ref i, close)));
            }
            else if (c == '\'')
            {
                tokens.Add(new(IndexTokenKind.String, ReadQuoted(text, ref i, '\'')));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(IndexTokenKind.Word, text[start..i]));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new(IndexTokenKind.Number, text[start..i]));
            }
            else if (c is '!' or '<' && i + 1 < text.Length && text[i + 1] is '=' or '>')
            {
                tokens.Add(new(IndexTokenKind.Symbol, text.Substring(i, 2)));
                i += 2;
            }
            else if (c is '(' or ')' or ',' or '=' or ';')
            {
                tokens.Add(new(IndexTokenKind.Symbol, c.ToString()));
                i++;
            }
            else
            {
                throw new FormatException($"Unexpected character '{c}' at position {i + 1}.");
            }
        }

        return tokens;
    }

    private static string ReadQuoted(string text, ref int i, char close)
    {
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            if (text[i] == close)
            {
                if (close != ']' && i + 1 < text.Length && text[i + 1] == close)
                {
                    value.Append(close);
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            value.Append(text[i++]);
        }

        throw new FormatException("Unterminated quoted text.");
    }
}
