using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Records;

/// <summary>
/// A record create or update body may be 32 MiB plus what the collection's file, json and editor fields allow, as
/// PocketBase's dynamicCollectionBodyLimit computes it (apis/record_crud_test.go "body &gt; collection BodyLimit"); issue 18.
/// </summary>
public abstract class BodyLimitTests(DatabaseKind kind)
{
    /// <summary>The server's MaxBodySize in most tests: small, so a refused body is refused before the client has sent it all.</summary>
    private const long Base = 1024;

    private const long DefaultBase = 32L * 1024 * 1024;

    /// <summary>file_one 5 × 1 + file_many 10 × 2 + json 2, as PocketBase's test sets demo1's fields.</summary>
    private const long FieldAllowance = 5 + 20 + 2;

    [Fact]
    public async Task Create_AllowsTheFieldSizesAbove32MiB_ByDefault()
    {
        await using var server = await StartAsync(DefaultBase);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/demo1/records", BodyOf(DefaultBase + FieldAllowance)), 400);
        Assert.Equal(0, await CountAsync(server, "demo1"));
    }

    [Fact]
    public async Task Create_AllowsTheFieldSizesAboveTheBaseLimit_AndNoMore()
    {
        await using var server = await StartAsync();
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/demo1/records", BodyOf(Base + FieldAllowance + 1)), 413);
        var within = await server.Guest.PostAsync("/api/collections/demo1/records", BodyOf(Base + FieldAllowance));
        await HttpAssert.ErrorAsync(within, 400);
        Assert.Equal(0, await CountAsync(server, "demo1"));
    }

    [Fact]
    public async Task Update_AllowsTheFieldSizesAboveTheBaseLimit_AndNoMore()
    {
        await using var server = await StartAsync();
        var created = (await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/demo1/records", new { title = "t" }), HttpStatusCode.OK))!;
        var url = $"/api/collections/demo1/records/{created["id"]}";
        await HttpAssert.ErrorAsync(await server.Guest.PatchAsync(url, BodyOf(Base + FieldAllowance + 1)), 413);
        await HttpAssert.ErrorAsync(await server.Guest.PatchAsync(url, BodyOf(Base + FieldAllowance)), 400);
        var still = (await server.Guest.GetFromJsonAsync<JsonObject>(url))!;
        Assert.Equal("t", still["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACollectionWithoutSizedFields_KeepsTheBaseLimit()
    {
        await using var server = await StartAsync();
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/plain/records", BodyOf(Base + 1)), 413);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/plain/records", BodyOf(Base)), 400);
    }

    [Fact]
    public async Task AFormTheReaderRefuses_Is400_Not500()
    {
        await using var server = await StartAsync(DefaultBase);
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < 1100; i++)
        {
            form.Add(new StringContent("v"), "k" + i);
        }

        await HttpAssert.ErrorAsync(await server.Guest.PostAsync("/api/collections/demo1/records", form), 400);
        Assert.Equal(0, await CountAsync(server, "demo1"));
    }

    private async Task<TestServer> StartAsync(long maxBodySize = Base)
    {
        var server = await TestServer.StartAsync(kind, options => options.MaxBodySize = maxBodySize);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "demo1",
            listRule = "",
            viewRule = "",
            createRule = "",
            updateRule = "",
            fields = new object[]
            {
                new { name = "title", type = "text", max = 100 },
                new { name = "file_one", type = "file", maxSize = 5, maxSelect = 1 },
                new { name = "file_many", type = "file", maxSize = 10, maxSelect = 2 },
                new { name = "json", type = "json", maxSize = 2 },
            },
        }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "plain",
            createRule = "",
            fields = new object[] { new { name = "title", type = "text", max = 100 } },
        }), HttpStatusCode.OK);
        return server;
    }

    /// <summary>A JSON body of exactly <paramref name="length"/> bytes whose title is far too long (a 400 when it is read).</summary>
    private static ByteArrayContent BodyOf(long length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)'a');
        Encoding.ASCII.GetBytes("{\"title\":\"").CopyTo(bytes, 0);
        Encoding.ASCII.GetBytes("\"}").CopyTo(bytes, length - 2);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<long> CountAsync(TestServer server, string collection) =>
        (await server.Superuser.GetFromJsonAsync<JsonObject>($"/api/collections/{collection}/records"))!["totalItems"]!.GetValue<long>();
}

public sealed class SqliteBodyLimitTests() : BodyLimitTests(DatabaseKind.Sqlite);

public sealed class PostgresBodyLimitTests() : BodyLimitTests(DatabaseKind.Postgres);
