using System.Text.Json.Nodes;
using SharpBase.Core.Common;

namespace SharpBase.Core.Query.Semantics;

/// <summary>
/// The record ids a submitted relation value names (<c>@request.body.rel.x</c>), read alike by the SQL join and the
/// evaluator: Go's <c>cast.ToString</c> of each item (or of the single value), empty ones dropped, each id once.
/// </summary>
public static class BodyRelationIds
{
    /// <summary>The ids in <paramref name="node"/>, in submitted order.</summary>
    public static string[] Of(JsonNode? node) =>
        (node is JsonArray array ? array.ToArray() : [node]).Select(GoCast.ToText).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
