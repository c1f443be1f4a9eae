using System.Globalization;

namespace SharpBase.Core.Records.Values;

/// <summary>Parses the regular-expression subset <see cref="PatternGenerator"/> supports; throws <see cref="FormatException"/> otherwise.</summary>
internal sealed class PatternParser(string pattern)
{
    private int _pos;

    public PatternNode Parse()
    {
        var node = ParseAlternation();
        if (_pos < pattern.Length)
        {
            throw new FormatException("Unexpected ')'.");
        }

        return node;
    }

    private PatternNode ParseAlternation()
    {
        var options = new List<PatternNode> { ParseConcat() };
        while (Peek('|'))
        {
            _pos++;
            options.Add(ParseConcat());
        }

        return options.Count == 1 ? options[0] : new AlternateNode(options);
    }

    private ConcatNode ParseConcat()
    {
        var parts = new List<PatternNode>();
        while (_pos < pattern.Length && pattern[_pos] is not ('|' or ')'))
        {
            var atom = ParseAtom();
            while (TryParseQuantifier(out var min, out var max))
            {
                atom = new RepeatNode(atom ?? throw new FormatException("Missing argument to repetition operator."), min, max);
            }

            if (atom is not null)
            {
                parts.Add(atom);
            }
        }

        return new ConcatNode(parts);
    }

    private PatternNode? ParseAtom()
    {
        var c = pattern[_pos++];
        switch (c)
        {
            case '^' or '$':
                return null;
            case '.':
                return new ClassNode(PatternSets.AnyChar);
            case '[':
                return new ClassNode(ParseClass());
            case '(':
                SkipGroupPrefix();
                var inner = ParseAlternation();
                if (!Peek(')'))
                {
                    throw new FormatException("Missing ')'.");
                }

                _pos++;
                return inner;
            case '*' or '+' or '?':
                throw new FormatException("Missing argument to repetition operator.");
            case '\\':
                return ParseEscape() is { } set ? new ClassNode(set) : null;
            default:
                return new LiteralNode(char.IsHighSurrogate(c) && _pos < pattern.Length ? string.Concat(c, pattern[_pos++]) : c.ToString());
        }
    }

    /// <summary>An escape outside a class: a one-character set (literal), a class set, or null for an anchor.</summary>
    private string? ParseEscape()
    {
        if (_pos >= pattern.Length)
        {
            throw new FormatException("Trailing backslash.");
        }

        var c = pattern[_pos++];
        return c switch
        {
            'A' or 'z' or 'b' or 'B' => null,
            _ => PatternSets.Escape(c),
        };
    }

    private string ParseClass()
    {
        var negate = Peek('^');
        if (negate)
        {
            _pos++;
        }

        var set = new SortedSet<char>();
        var first = true;
        while (_pos < pattern.Length && (first || pattern[_pos] != ']'))
        {
            first = false;
            if (pattern.AsSpan(_pos).StartsWith("[:"))
            {
                var end = pattern.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
                set.UnionWith(PatternSets.Posix(end < 0 ? "" : pattern[(_pos + 2)..end]));
                _pos = end + 2;
                continue;
            }

            var low = ClassChar(out var escapeSet);
            if (escapeSet is not null)
            {
                set.UnionWith(escapeSet);
                continue;
            }

            if (_pos + 1 < pattern.Length && pattern[_pos] == '-' && pattern[_pos + 1] != ']')
            {
                _pos++;
                var high = ClassChar(out var bad);
                if (bad is not null || high < low)
                {
                    throw new FormatException("Invalid character class range.");
                }

                for (var ch = low; ch <= high && ch != char.MaxValue; ch++)
                {
                    set.Add(ch);
                }

                continue;
            }

            set.Add(low);
        }

        if (!Peek(']'))
        {
            throw new FormatException("Missing ']'.");
        }

        _pos++;
        set.RemoveWhere(char.IsSurrogate);
        var members = string.Concat(set);
        var result = negate ? PatternSets.Complement(members) : members;
        return result.Length > 0 ? result : throw new FormatException("Empty character class.");
    }

    private char ClassChar(out string? escapeSet)
    {
        escapeSet = null;
        var c = pattern[_pos++];
        if (c != '\\')
        {
            return c;
        }

        if (_pos >= pattern.Length)
        {
            throw new FormatException("Trailing backslash.");
        }

        var set = PatternSets.Escape(pattern[_pos++]);
        if (set.Length == 1)
        {
            return set[0];
        }

        escapeSet = set;
        return '\0';
    }

    private void SkipGroupPrefix()
    {
        if (!Peek('?'))
        {
            return;
        }

        var rest = pattern.AsSpan(_pos);
        if (rest.StartsWith("?:"))
        {
            _pos += 2;
        }
        else if (rest.StartsWith("?P<") || rest.StartsWith("?<"))
        {
            var end = pattern.IndexOf('>', _pos);
            _pos = end >= 0 ? end + 1 : throw new FormatException("Invalid group name.");
        }
        else
        {
            throw new FormatException("Unsupported group flags.");
        }
    }

    private bool TryParseQuantifier(out int min, out int max)
    {
        (min, max) = (0, 0);
        if (_pos >= pattern.Length)
        {
            return false;
        }

        switch (pattern[_pos])
        {
            case '*':
                (min, max) = (0, -1);
                _pos++;
                break;
            case '+':
                (min, max) = (1, -1);
                _pos++;
                break;
            case '?':
                (min, max) = (0, 1);
                _pos++;
                break;
            case '{' when TryParseBraces(out min, out max):
                break;
            default:
                return false;
        }

        if (Peek('?'))
        {
            _pos++; // lazy marker, no effect on generation
        }

        return true;
    }

    private bool TryParseBraces(out int min, out int max)
    {
        (min, max) = (0, 0);
        var end = pattern.IndexOf('}', _pos);
        if (end < 0)
        {
            return false;
        }

        var body = pattern[(_pos + 1)..end];
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        var minText = comma < 0 ? body : body[..comma];
        var maxText = comma < 0 ? body : body[(comma + 1)..];
        if (!int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out min) || min > 1000)
        {
            return false;
        }

        if (maxText.Length == 0 && comma >= 0)
        {
            max = -1;
        }
        else if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max > 1000 || max < min)
        {
            return false;
        }

        _pos = end + 1;
        return true;
    }

    private bool Peek(char c) => _pos < pattern.Length && pattern[_pos] == c;
}
