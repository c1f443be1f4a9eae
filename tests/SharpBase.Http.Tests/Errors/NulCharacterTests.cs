using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Http.Tests.Records;
using Xunit;

namespace SharpBase.Http.Tests.Errors;

/// <summary>
/// U+0000 anywhere a client can put text (a query filter, a form field, a JSON string) is one 400 on both databases:
/// PostgreSQL's text cannot hold it (it failed there as a 500), SQLite took it.
/// </summary>
public abstract class NulCharacterTests(DatabaseKind kind)
{
    [Theory]
    [InlineData("/api/collections/posts/records?filter=title%3D%27a%00b%27")]
    [InlineData("/api/collections/posts/records?filter=data.k%3D%27%00%27")]
    [InlineData("/api/collections/posts/records?sort=title%00")]
    [InlineData("/api/collections?filter=name%3D%27%00%27")]
    public async Task AQueryWithNul_Is400(string url)
    {
        await using var server = await StartAsync();
        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync(url), 400);
    }

    [Fact]
    public async Task ABatchSubRequestQueryWithNul_Is400_AndCreatesNothing()
    {
        // The sub-request's query travels inside the JSON body's url, so the outer query check never sees it.
        await using var server = await StartAsync();
        await RecordsScenario.Ok(await server.Superuser.PatchAsJsonAsync("/api/settings", new { batch = new { enabled = true } }));
        await RecordsScenario.Ok(await server.Superuser.PatchAsJsonAsync("/api/collections/posts", new { createRule = "@request.query.tag = 'x'" }));
        var error = await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/batch", new
        {
            requests = new[] { new { method = "POST", url = "/api/collections/posts/records?tag=x%00", body = new { title = "a" } } },
        }), HttpStatusCode.BadRequest);
        Assert.Equal("The request query contains an invalid character.", error!["message"]!.GetValue<string>());

        var list = await server.Superuser.GetFromJsonAsync<JsonObject>("/api/collections/posts/records");
        Assert.Equal(0, list!["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFormFieldWithNul_Is400_AndCreatesNothing()
    {
        await using var server = await StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent("a\0b"), "title" } };
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/posts/records", form), 400);

        var list = await server.Superuser.GetFromJsonAsync<JsonObject>("/api/collections/posts/records");
        Assert.Equal(0, list!["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task AJsonStringWithNul_Is400_AndAnEncodedPairStillPasses()
    {
        await using var server = await StartAsync();
        using var nul = new StringContent("""{"title":"a\u0000b"}""", System.Text.Encoding.UTF8, "application/json");
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/posts/records", nul), 400);

        using var pair = new StringContent("""{"title":"smile \ud83d\ude00"}""", System.Text.Encoding.UTF8, "application/json");
        var created = await HttpAssert.StatusAsync(await server.Guest.PostAsync("/api/collections/posts/records", pair), HttpStatusCode.OK);
        Assert.Equal("smile \U0001F600", created!["title"]!.GetValue<string>());
    }

    private async Task<TestServer> StartAsync()
    {
        var server = await TestServer.StartAsync(kind);
        await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts", listRule = "", createRule = "", fields = new object[] { new { name = "title", type = "text" }, new { name = "data", type = "json" } },
        }));
        return server;
    }
}

public sealed class SqliteNulCharacterTests() : NulCharacterTests(DatabaseKind.Sqlite);

public sealed class PostgresNulCharacterTests() : NulCharacterTests(DatabaseKind.Postgres);
