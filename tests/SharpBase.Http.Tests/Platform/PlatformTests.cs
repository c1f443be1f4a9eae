using System.Net;
using System.Text;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Platform;

public abstract class PlatformTests(DatabaseKind kind)
{
    [Fact]
    public async Task Health_AnswersPocketBaseBody_AndHead()
    {
        await using var server = await TestServer.StartAsync(kind);
        var response = await server.Guest.GetAsync("/api/health");
        Assert.Equal("""{"message":"API is healthy.","code":200,"data":{}}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var head = await server.Guest.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/health"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task MalformedJson_Gets400AndChangesNothing()
    {
        await using var server = await TestServer.StartAsync(kind);
        var before = server.Core.Schema.Current.Collections.Count;
        using var content = new StringContent("{\"name\": \"posts\",", Encoding.UTF8, "application/json");
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsync("/api/collections", content), 400);
        Assert.Empty(data);
        using var array = new StringContent("[1,2]", Encoding.UTF8, "application/json");
        await HttpAssert.ErrorAsync(await server.Superuser.PostAsync("/api/collections", array), 400);
        Assert.Equal(before, server.Core.Schema.Current.Collections.Count);
    }

    [Fact]
    public async Task UnsupportedContentType_Gets400()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var content = new StringContent("name=posts", Encoding.UTF8, "text/plain");
        await HttpAssert.ErrorAsync(await server.Superuser.PostAsync("/api/collections", content), 400);
    }

    [Fact]
    public async Task EmptyBodyWithJsonContentType_IsAnEmptyObject()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var content = new StringContent("", Encoding.UTF8, "application/json");
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsync("/api/collections", content), 400);
        Assert.Equal("validation_required", data["name"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task BodyOverTheLimit_Gets413()
    {
        await using var server = await TestServer.StartAsync(kind, options => options.MaxBodySize = 1024);
        using var content = new StringContent("{\"name\":\"" + new string('a', 4096) + "\"}", Encoding.UTF8, "application/json");
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsync("/api/collections", content), 413);
        Assert.Empty(data);
    }

    [Fact]
    public async Task FormBody_IsTypeGuessedLikePocketBase()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("meta_only"), "name" },
            { new StringContent("{\"fields\":[{\"name\":\"n\",\"type\":\"number\",\"onlyInt\":true}]}"), "@jsonPayload" },
        };
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsync("/api/collections", form), HttpStatusCode.OK))!;
        Assert.Equal("meta_only", created["name"]!.GetValue<string>());
        Assert.Contains(created["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "n" && f["onlyInt"]!.GetValue<bool>());
    }

    [Fact]
    public async Task FieldsParameter_KeepsOnlyListedKeys()
    {
        await using var server = await TestServer.StartAsync(kind);
        var body = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/users?fields=id,name,authToken.duration"), HttpStatusCode.OK))!.AsObject();
        Assert.Equal(["authToken", "id", "name"], body.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["duration"], body["authToken"]!.AsObject().Select(p => p.Key).ToArray());
    }
}

public sealed class SqlitePlatformTests() : PlatformTests(DatabaseKind.Sqlite);

public sealed class PostgresPlatformTests() : PlatformTests(DatabaseKind.Postgres);
