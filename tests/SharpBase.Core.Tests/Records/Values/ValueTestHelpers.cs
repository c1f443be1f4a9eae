using System.Text.Json.Nodes;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

/// <summary>A predictable source: character i of each draw is alphabet[(start + i) % length], and every number drawn is 0.</summary>
internal sealed class CyclingRandom(int start = 0) : IRandomSource
{
    public string NextString(int length, string alphabet) =>
        string.Concat(Enumerable.Range(0, length).Select(i => alphabet[(start + i) % alphabet.Length]));
}

internal static class V
{
    /// <summary>Parses a JSON literal into the node a body value arrives as.</summary>
    public static JsonNode? Json(string json) => JsonNode.Parse(json);

    public static void Code(string expected, ValidationError? error)
    {
        Assert.NotNull(error);
        Assert.Equal(expected, error.Code);
    }

    public static void Passes(ValidationError? error) => Assert.Null(error);
}
