using System.Text.RegularExpressions;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Query.Semantics;

/// <summary>
/// How a filter, a rule and <c>expand</c> name fields, shared by the SQL compiler, the in-memory evaluator and the
/// record expander so that one name always means one thing: fields by their exact name (PocketBase's
/// <c>Fields.GetByName</c>), a trailing <c>:modifier</c> from a fixed list, and back-relations as
/// <c>{collection}_via_{field}</c> read with PocketBase's regular expression <c>^(\w+)_via_(\w+)$</c> (Go's <c>\w</c> is
/// ASCII, and the first group is greedy: <c>a_via_b_via_c</c> is collection <c>a_via_b</c>, field <c>c</c>).
/// </summary>
public static partial class FieldNames
{
    /// <summary>The modifiers PocketBase knows.</summary>
    public static IReadOnlyList<string> Modifiers { get; } = ["isset", "changed", "length", "each", "lower"];

    /// <summary>The field of <paramref name="collection"/> with exactly this name, or null.</summary>
    public static Field? Find(Collection collection, string name)
    {
        ArgumentNullException.ThrowIfNull(collection);
        foreach (var field in collection.Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>
    /// Splits <c>name:modifier</c> (PocketBase's splitModifier). No colon gives the name and a null modifier; false for
    /// an unknown modifier or more than one colon.
    /// </summary>
    public static bool TrySplitModifier(string combined, out string name, out string? modifier)
    {
        ArgumentNullException.ThrowIfNull(combined);
        var colon = combined.IndexOf(':', StringComparison.Ordinal);
        name = colon < 0 ? combined : combined[..colon];
        modifier = colon < 0 ? null : combined[(colon + 1)..];
        return modifier is null || (!modifier.Contains(':', StringComparison.Ordinal) && Modifiers.Contains(modifier));
    }

    /// <summary>Reads <c>{collection}_via_{field}</c>; false when <paramref name="name"/> does not have that shape.</summary>
    public static bool TryParseBackRelation(string name, out string collection, out string field)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = BackRelationPattern().Match(name);
        collection = match.Success ? match.Groups[1].Value : "";
        field = match.Success ? match.Groups[2].Value : "";
        return match.Success;
    }

    [GeneratedRegex(@"^([A-Za-z0-9_]+)_via_([A-Za-z0-9_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BackRelationPattern();
}
