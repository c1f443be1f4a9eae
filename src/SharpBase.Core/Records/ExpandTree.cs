namespace SharpBase.Core.Records;

/// <summary>The <c>expand</c> parameter as a tree of relation names; paths that prefix a longer one merge into it.</summary>
internal sealed class ExpandTree
{
    public Dictionary<string, ExpandTree> Children { get; } = new(StringComparer.Ordinal);

    public static ExpandTree Parse(string expand, int maxDepth)
    {
        var root = new ExpandTree();
        foreach (var path in expand.Replace(" ", "", StringComparison.Ordinal).Split(',', StringSplitOptions.RemoveEmptyEntries).Take(100))
        {
            var node = root;
            foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries).Take(maxDepth))
            {
                var name = LegacyBackRelation(part);
                node = node.Children.TryGetValue(name, out var next) ? next : node.Children[name] = new ExpandTree();
            }
        }

        return root;
    }

    /// <summary>The deprecated <c>other(field)</c> form is <c>other_via_field</c>.</summary>
    private static string LegacyBackRelation(string part)
    {
        var open = part.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && part.EndsWith(')') ? part[..open] + "_via_" + part[(open + 1)..^1] : part;
    }
}
