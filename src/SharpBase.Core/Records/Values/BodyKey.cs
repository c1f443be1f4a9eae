using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Records.Values;

/// <summary>Create/update body keys with field modifiers (wire reference §2.5).</summary>
public static class BodyKey
{
    /// <summary>The suffix of a text key that asks for a generated value.</summary>
    public const string AutogenerateSuffix = ":autogenerate";

    /// <summary>
    /// Splits <c>name+</c>, <c>+name</c>, <c>name-</c> and <c>name:autogenerate</c> into the field name and modifier;
    /// any other key is a plain <see cref="FieldModifier.Set"/> of itself.
    /// </summary>
    public static (string FieldName, FieldModifier Modifier) Parse(string key)
    {
        if (key.Length > 1 && key[0] == '+')
        {
            return (key[1..], FieldModifier.Prepend);
        }

        if (key.Length > 1 && key[^1] == '+')
        {
            return (key[..^1], FieldModifier.Append);
        }

        if (key.Length > 1 && key[^1] == '-')
        {
            return (key[..^1], FieldModifier.Remove);
        }

        if (key.Length > AutogenerateSuffix.Length && key.EndsWith(AutogenerateSuffix, StringComparison.Ordinal))
        {
            return (key[..^AutogenerateSuffix.Length], FieldModifier.Autogenerate);
        }

        return (key, FieldModifier.Set);
    }

    /// <summary>The keys in the order PocketBase applies them: shortest first (so <c>name</c> before <c>name+</c>), stable otherwise.</summary>
    public static IEnumerable<string> InApplyOrder(IEnumerable<string> keys) => keys.OrderBy(k => k.Length);
}
