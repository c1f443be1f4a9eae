using SharpBase.Core.Query.Syntax;

namespace SharpBase.Core.Query.Semantics;

/// <summary>
/// An identifier split into its dot-separated segments and its trailing modifier (<c>tags:each</c> → <c>tags</c> +
/// <c>each</c>). Only the last segment may carry a modifier, except the alias of <c>@collection.name:alias</c>.
/// </summary>
public sealed record FilterPath(IReadOnlyList<string> Segments, string? Modifier)
{
    /// <summary>Splits <paramref name="path"/>; throws <see cref="FilterFieldException"/> for an invalid modifier.</summary>
    public static FilterPath Parse(string path, int position = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var isCollectionAlias = i == 1 && segments[0] == "@collection";
            if (segments[i].Length == 0 || (segments[i].Contains(':', StringComparison.Ordinal) && !isCollectionAlias))
            {
                throw new FilterFieldException($"invalid field path {FilterSyntaxException.Snippet(path)}", position);
            }
        }

        if (!FieldNames.TrySplitModifier(segments[^1], out var name, out var modifier) || name.Length == 0)
        {
            throw new FilterFieldException($"invalid field modifier in {FilterSyntaxException.Snippet(path)}", position);
        }

        segments[^1] = name;
        return new FilterPath(segments, modifier);
    }
}
