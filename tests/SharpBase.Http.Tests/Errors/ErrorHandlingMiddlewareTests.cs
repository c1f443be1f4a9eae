using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SharpBase.Core.Errors;
using SharpBase.Http.Errors;
using Xunit;

namespace SharpBase.Http.Tests.Errors;

public sealed class ErrorHandlingMiddlewareTests
{
    private static async Task<(int Status, JsonObject Body)> RunAsync(RequestDelegate next)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await new ErrorHandlingMiddleware(next, NullLogger<ErrorHandlingMiddleware>.Instance).InvokeAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, (await JsonNode.ParseAsync(context.Response.Body))!.AsObject());
    }

    [Fact]
    public async Task UnhandledException_Becomes500_WithoutAnyDetail()
    {
        var (status, body) = await RunAsync(_ => throw new InvalidOperationException("SELECT secret FROM /var/lib/db at Foo.Bar()"));
        Assert.Equal(500, status);
        Assert.Equal("""{"status":500,"message":"Something went wrong while processing your request.","data":{}}""", body.ToJsonString());
    }

    [Fact]
    public async Task ValidationFailure_KeepsNestedDataAndSentenizesTheMessage()
    {
        var errors = new ValidationErrors();
        errors.Nested("fields").Nested("1").Add("name", ValidationError.Required());
        var (status, body) = await RunAsync(_ => throw new BadRequestException("failed to create collection", errors));
        Assert.Equal(400, status);
        Assert.Equal("Failed to create collection.", body["message"]!.GetValue<string>());
        Assert.Equal("validation_required", body["data"]!["fields"]!["1"]!["name"]!["code"]!.GetValue<string>());
        Assert.False(body["data"]!["fields"]!["1"]!["name"]!.AsObject().ContainsKey("params"));
    }

    [Theory]
    [InlineData("hello", "Hello.")]
    [InlineData("Done!", "Done!")]
    [InlineData("why?", "Why?")]
    public void Sentenize_CapitalizesAndEndsWithPunctuation(string input, string expected) =>
        Assert.Equal(expected, ErrorEnvelope.Sentenize(input));
}
