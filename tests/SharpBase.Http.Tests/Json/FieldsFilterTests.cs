using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Http.Body;
using SharpBase.Http.Json;
using Xunit;

namespace SharpBase.Http.Tests.Json;

public sealed class FieldsFilterTests
{
    private static JsonNode Sample() => JsonNode.Parse("""
        {"page":1,"items":[{"id":"a","title":"<p>Hello <b>big</b> world</p>","expand":{"author":{"name":"Ann","email":"x"}}}]}
        """)!;

    [Fact]
    public void List_AppliesToEachItem_AndKeepsTheEnvelope()
    {
        var result = FieldsFilter.Apply(Sample(), "id,expand.author.name", isList: true)!;
        Assert.Equal("""{"page":1,"items":[{"id":"a","expand":{"author":{"name":"Ann"}}}]}""", result.ToJsonString());
    }

    [Fact]
    public void Star_KeepsEverythingAtItsLevel()
    {
        var result = FieldsFilter.Apply(Sample()["items"]![0]!.DeepClone(), "*,expand.author.name", isList: false)!;
        Assert.Equal("a", result["id"]!.GetValue<string>());
        Assert.Null(result["expand"]!["author"]!["email"]);
    }

    [Theory]
    [InlineData("title:excerpt(5)", "Hello")]
    [InlineData("title:excerpt(8,true)", "Hello bi...")]
    [InlineData("title:excerpt(100)", "Hello big world")]
    public void Excerpt_StripsHtmlAndCuts(string fields, string expected)
    {
        var result = FieldsFilter.Apply(Sample()["items"]![0]!.DeepClone(), fields, isList: false)!;
        Assert.Equal(expected, result["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("title:upper()")]
    [InlineData("title:excerpt(-1)")]
    [InlineData("a..b")]
    public void BadEntries_Are400(string fields) =>
        Assert.Throws<BadRequestException>(() => FieldsFilter.Apply(Sample(), fields, isList: false));
}

public sealed class RequestBodyGuessTests
{
    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("12", "12")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("007", "\"007\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("", "\"\"")]
    [InlineData("hello", "\"hello\"")]
    public void Guess_FollowsPocketBase(string input, string json) =>
        Assert.Equal(json, RequestBody.Guess(input)!.ToJsonString());
}
