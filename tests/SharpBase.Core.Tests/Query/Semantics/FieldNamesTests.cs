using SharpBase.Core.Query.Semantics;
using Xunit;

namespace SharpBase.Core.Tests.Query.Semantics;

/// <summary>The one reading of field names that the SQL compiler, the evaluator and expand share.</summary>
public sealed class FieldNamesTests
{
    [Theory]
    [InlineData("comments_via_post", "comments", "post")]
    [InlineData("a_via_b_via_c", "a_via_b", "c")] // PocketBase's ^(\w+)_via_(\w+)$: the first group is greedy
    [InlineData("_via_x_via_", "_via_x", "")]
    public void BackRelations_ReadAsPocketBaseReadsThem(string name, string collection, string field)
    {
        var parsed = FieldNames.TryParseBackRelation(name, out var c, out var f);
        Assert.Equal(field.Length > 0, parsed);
        if (parsed)
        {
            Assert.Equal((collection, field), (c, f));
        }
    }

    [Theory]
    [InlineData("comments")]
    [InlineData("ü_via_post")] // Go's \w is ASCII
    [InlineData("comments_via_pöst")]
    [InlineData("comments_via_post.text")]
    [InlineData("_via_post")]
    public void NonBackRelations_AreRefused(string name) => Assert.False(FieldNames.TryParseBackRelation(name, out _, out _));

    [Theory]
    [InlineData("tags", "tags", null, true)]
    [InlineData("tags:each", "tags", "each", true)]
    [InlineData("tags:lower", "tags", "lower", true)]
    [InlineData("tags:upper", "tags", "upper", false)]
    [InlineData("tags:each:each", "tags", "each:each", false)]
    [InlineData("tags:", "tags", "", false)]
    public void Modifiers_AreAFixedList(string text, string name, string? modifier, bool valid)
    {
        Assert.Equal(valid, FieldNames.TrySplitModifier(text, out var n, out var m));
        Assert.Equal((name, modifier), (n, m));
    }
}
