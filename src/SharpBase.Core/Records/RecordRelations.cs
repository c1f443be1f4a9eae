using System.Text.Json;

namespace SharpBase.Core.Records;

/// <summary>Reading the stored value of a relation field.</summary>
internal static class RecordRelations
{
    /// <summary>The ids a relation value holds: a single id string, or a JSON array of ids.</summary>
    public static List<string> Ids(object? value) => value switch
    {
        string { Length: > 0 } text when text.StartsWith('[') => JsonSerializer.Deserialize<List<string>>(text) ?? [],
        string { Length: > 0 } id => [id],
        _ => [],
    };
}
