using SharpBase.Core.Query.Syntax;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// PocketBase's checkForSuperuserOnlyRuleFields: a non-superuser's filter or sort that mentions <c>@collection.</c> or
/// <c>@request.</c> anywhere (PocketBase checks the raw text, so a quoted string counts too) is refused with 403.
/// </summary>
internal static class ClientRestrictions
{
    private static readonly string[] SuperuserOnlyPrefixes = ["@collection.", "@request."];

    /// <summary>Checks the raw text, as PocketBase does (comments included).</summary>
    public static void CheckText(string text)
    {
        foreach (var prefix in SuperuserOnlyPrefixes)
        {
            if (text.Contains(prefix, StringComparison.Ordinal))
            {
                throw FilterErrors.SuperuserOnly(prefix);
            }
        }
    }

    /// <summary>Checks a parsed tree: identifiers, function arguments and text literals.</summary>
    public static void Check(FilterNode node)
    {
        var texts = new List<string>();
        Collect(node, texts);
        foreach (var prefix in SuperuserOnlyPrefixes)
        {
            if (texts.Any(t => t.Contains(prefix, StringComparison.Ordinal)))
            {
                throw FilterErrors.SuperuserOnly(prefix);
            }
        }
    }

    private static void Collect(FilterNode node, List<string> texts)
    {
        switch (node)
        {
            case LogicalNode logical:
                Collect(logical.Left, texts);
                Collect(logical.Right, texts);
                break;
            case ComparisonNode comparison:
                Collect(comparison.Left, texts);
                Collect(comparison.Right, texts);
                break;
        }
    }

    private static void Collect(Operand operand, List<string> texts)
    {
        switch (operand)
        {
            case IdentifierOperand identifier:
                texts.Add(identifier.Path);
                break;
            case LiteralOperand { Value: string text }:
                texts.Add(text);
                break;
            case FunctionOperand function:
                foreach (var argument in function.Arguments)
                {
                    Collect(argument, texts);
                }

                break;
        }
    }
}
