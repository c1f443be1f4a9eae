namespace SharpBase.Core.Schema;

/// <summary>The three kinds of collection.</summary>
public enum CollectionType
{
    /// <summary>A normal table.</summary>
    Base,
    /// <summary>A table of accounts that can sign in.</summary>
    Auth,
    /// <summary>Read-only records from a SELECT.</summary>
    View,
}

/// <summary>Wire names of <see cref="CollectionType"/>.</summary>
public static class CollectionTypes
{
    /// <summary>The wire name: <c>base</c>, <c>auth</c> or <c>view</c>.</summary>
    public static string ToWire(this CollectionType type) => type switch
    {
        CollectionType.Auth => "auth",
        CollectionType.View => "view",
        _ => "base",
    };

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string? text, out CollectionType type)
    {
        type = text switch
        {
            "auth" => CollectionType.Auth,
            "view" => CollectionType.View,
            _ => CollectionType.Base,
        };
        return text is "base" or "auth" or "view";
    }
}
