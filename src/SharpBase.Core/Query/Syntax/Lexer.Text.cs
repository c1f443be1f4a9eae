using System.Globalization;
using System.Text;

namespace SharpBase.Core.Query.Syntax;

public sealed partial class Lexer
{
    // Quoted text: '...' or "...". Backslash escapes are decoded JSON-style (\\ \" \' \/ \b \f \n \r \t \uXXXX), which
    // is what JSON.stringify quoting in the SDK's pb.filter() produces. Any other escape (e.g. \% or \_ for LIKE) is
    // kept as written, backslash included.
    private Token ScanText()
    {
        var start = _index;
        var quote = _text[_index++];
        var builder = new StringBuilder();
        while (_index < _text.Length)
        {
            var ch = _text[_index++];
            if (ch == quote)
            {
                return new Token(TokenKind.Text, builder.ToString(), start + 1);
            }

            if (ch != '\\' || _index >= _text.Length)
            {
                builder.Append(ch);
                continue;
            }

            var next = _text[_index];
            switch (next)
            {
                case '\\' or '"' or '\'' or '/':
                    builder.Append(next);
                    _index++;
                    break;
                case 'n':
                    builder.Append('\n');
                    _index++;
                    break;
                case 't':
                    builder.Append('\t');
                    _index++;
                    break;
                case 'r':
                    builder.Append('\r');
                    _index++;
                    break;
                case 'b':
                    builder.Append('\b');
                    _index++;
                    break;
                case 'f':
                    builder.Append('\f');
                    _index++;
                    break;
                case 'u' when TryReadHex4(_index + 1, out var code):
                    builder.Append((char)code);
                    _index += 5;
                    break;
                default:
                    builder.Append('\\');
                    break;
            }
        }

        throw new FilterSyntaxException("unterminated quoted text", start + 1);
    }

    private bool TryReadHex4(int from, out int code)
    {
        code = 0;
        return from + 4 <= _text.Length &&
               int.TryParse(_text.AsSpan(from, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code);
    }
}
