namespace SharpBase.Core.Query.Semantics;

/// <summary>
/// PocketBase's LIKE handling (<c>ESCAPE '\'</c>). <see cref="Wrap"/> turns a literal right operand of <c>~</c> into the
/// bound pattern; <see cref="IsMatch"/> is SQLite's LIKE (case-insensitive for ASCII only) for the in-memory evaluator.
/// </summary>
public static class LikePattern
{
    /// <summary>
    /// The pattern PocketBase binds for a literal: used as written when it has an unescaped <c>%</c>; otherwise every
    /// unescaped <c>\</c>, <c>%</c> and <c>_</c> is escaped and the result wrapped in <c>%…%</c> ("contains").
    /// </summary>
    public static string Wrap(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ContainsUnescaped(value, '%') ? value : "%" + EscapeUnescaped(value) + "%";
    }

    /// <summary>True when <paramref name="value"/> has <paramref name="ch"/> not preceded by an escaping backslash.</summary>
    public static bool ContainsUnescaped(string value, char ch)
    {
        ArgumentNullException.ThrowIfNull(value);
        var previous = '\0';
        foreach (var c in value)
        {
            if (c == ch && previous != '\\')
            {
                return true;
            }

            previous = c == '\\' && previous == '\\' ? '\0' : c;
        }

        return false;
    }

    // Port of PocketBase's escapeUnescapedChars: walks backwards and adds a backslash before each \ % _ that is not
    // already preceded by one (an escaped character's backslash is consumed by it).
    private static string EscapeUnescaped(string value)
    {
        var result = new List<char>(value.Length + 8);
        var match = false;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            var c = value[i];
            if (match)
            {
                if (c != '\\')
                {
                    result.Add('\\');
                }

                match = false;
            }
            else
            {
                match = c is '\\' or '%' or '_';
            }

            result.Add(c);
            if (i == 0 && match)
            {
                result.Add('\\');
            }
        }

        result.Reverse();
        return new string([.. result]);
    }

    /// <summary>SQLite's <c>text LIKE pattern ESCAPE '\'</c>: <c>%</c> any run, <c>_</c> one character, ASCII case folded.</summary>
    public static bool IsMatch(string text, string pattern)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pattern);
        var (elements, valid) = Compile(pattern);
        if (!valid)
        {
            return false;
        }

        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < elements.Count && elements[p] is { } e && e.Kind != 0 && (e.Kind == 1 || FoldAscii(e.Char) == FoldAscii(text[t])))
            {
                t++;
                p++;
            }
            else if (p < elements.Count && elements[p].Kind == 0)
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < elements.Count && elements[p].Kind == 0)
        {
            p++;
        }

        return p == elements.Count;
    }

    // Kind 0 = %, 1 = _, 2 = a literal character. A trailing lone escape makes the pattern match nothing, as in SQLite.
    private static (List<(int Kind, char Char)> Elements, bool Valid) Compile(string pattern)
    {
        var elements = new List<(int Kind, char Char)>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (++i >= pattern.Length)
                {
                    return (elements, false);
                }

                elements.Add((2, pattern[i]));
            }
            else if (c == '%')
            {
                if (elements.Count == 0 || elements[^1].Kind != 0)
                {
                    elements.Add((0, c));
                }
            }
            else
            {
                elements.Add((c == '_' ? 1 : 2, c));
            }
        }

        return (elements, true);
    }

    private static char FoldAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
}
