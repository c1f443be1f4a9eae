using System.Text;
using SharpBase.Core.Errors;

namespace SharpBase.Core.Query.Syntax;

/// <summary>
/// 400: a filter or rule expression is malformed or over a limit. The message names what is wrong and the 1-based
/// position, and quotes at most a short, sanitized snippet of the input.
/// </summary>
public class FilterSyntaxException : ApiException
{
    private const int MaxSnippetLength = 16;

    /// <summary>Creates the error; <paramref name="detail"/> is a lower-case clause without the final period.</summary>
    public FilterSyntaxException(string detail, int position = 0)
        : base(400, Compose(detail, position))
    {
        Position = position;
    }

    /// <summary>The 1-based character position the error refers to, or 0 when it is about the whole filter.</summary>
    public int Position { get; }

    /// <summary>A quoted, shortened copy of user text that is safe to put in a message.</summary>
    public static string Snippet(string text)
    {
        var builder = new StringBuilder("\"");
        var count = 0;
        foreach (var ch in text)
        {
            if (count == MaxSnippetLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(ch) || char.IsSurrogate(ch) ? '?' : ch);
            count++;
        }

        return builder.Append('"').ToString();
    }

    private static string Compose(string detail, int position) =>
        position > 0 ? $"Invalid filter: {detail} at position {position}." : $"Invalid filter: {detail}.";
}

/// <summary>400: a filter names a field, modifier or function that does not resolve.</summary>
public sealed class FilterFieldException(string detail, int position = 0) : FilterSyntaxException(detail, position);
