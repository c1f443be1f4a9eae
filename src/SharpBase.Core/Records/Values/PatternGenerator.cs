using System.Text;
using SharpBase.Core.Common;

namespace SharpBase.Core.Records.Values;

/// <summary>
/// Random strings that match a regular expression, as PocketBase's <c>security.RandomStringByRegex</c> makes them for
/// text fields' <c>autogeneratePattern</c>: literals, character classes, <c>.</c> (a letter or digit), groups,
/// alternation and repetition. As in PocketBase, <c>{n,m}</c> gives n to m-1 repeats, <c>*</c> and <c>+</c> at most 5,
/// and <c>?</c> none.
/// </summary>
public static class PatternGenerator
{
    /// <summary>A random match of <paramref name="pattern"/>, or null when the pattern is empty or not supported.</summary>
    public static string? Generate(string pattern, IRandomSource random)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }

        PatternNode node;
        try
        {
            var parser = new PatternParser(pattern);
            node = parser.Parse();
        }
        catch (FormatException)
        {
            return null;
        }

        var builder = new StringBuilder();
        node.Write(builder, random);
        return builder.ToString();
    }

    /// <summary>A uniform random number in [0, <paramref name="count"/>) drawn through <see cref="IRandomSource"/>.</summary>
    internal static int NextIndex(IRandomSource random, int count)
    {
        if (count <= 1)
        {
            return 0;
        }

        // Distinct characters stand for the numbers; the source draws one uniformly.
        var alphabet = string.Create(count, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)(0x100 + i);
            }
        });
        return random.NextString(1, alphabet)[0] - 0x100;
    }
}

/// <summary>One parsed piece of an autogenerate pattern.</summary>
internal abstract class PatternNode
{
    public abstract void Write(StringBuilder builder, IRandomSource random);
}

internal sealed class LiteralNode(string text) : PatternNode
{
    public override void Write(StringBuilder builder, IRandomSource random) => builder.Append(text);
}

internal sealed class ClassNode(string alphabet) : PatternNode
{
    public string Alphabet { get; } = alphabet;

    public override void Write(StringBuilder builder, IRandomSource random) => builder.Append(random.NextString(1, Alphabet));
}

internal sealed class ConcatNode(List<PatternNode> parts) : PatternNode
{
    public override void Write(StringBuilder builder, IRandomSource random)
    {
        foreach (var part in parts)
        {
            part.Write(builder, random);
        }
    }
}

internal sealed class AlternateNode(List<PatternNode> options) : PatternNode
{
    public override void Write(StringBuilder builder, IRandomSource random) =>
        options[PatternGenerator.NextIndex(random, options.Count)].Write(builder, random);
}

internal sealed class RepeatNode(PatternNode inner, int min, int max) : PatternNode
{
    private const int DefaultMaxRepeat = 6;

    public override void Write(StringBuilder builder, IRandomSource random)
    {
        var upper = max < 0 ? DefaultMaxRepeat : max;
        upper = Math.Max(upper, min);
        var count = upper == min ? min : min + PatternGenerator.NextIndex(random, upper - min);
        if (inner is ClassNode charClass)
        {
            builder.Append(count > 0 ? random.NextString(count, charClass.Alphabet) : "");
            return;
        }

        for (var i = 0; i < count; i++)
        {
            inner.Write(builder, random);
        }
    }
}
