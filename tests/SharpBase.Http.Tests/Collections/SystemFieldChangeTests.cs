using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

/// <summary>
/// System fields as PocketBase guards them: renaming, removing or retyping one is a 400 with
/// <c>data.fields.code = "validation_system_field_change"</c>; the flags PocketBase enforces on id, password, tokenKey and
/// email are kept whatever the client sends; other options of a system field may change.
/// </summary>
public abstract class SystemFieldChangeTests(DatabaseKind kind)
{
    [Theory]
    [InlineData("members", "email", "name", "mail")]
    [InlineData("members", "tokenKey", "name", "tk")]
    [InlineData("members", "password", "name", "secret")]
    [InlineData("members", "id", "name", "ident")]
    [InlineData("notes", "id", "name", "ident")]
    [InlineData("_superusers", "created", "name", "made")]
    [InlineData("_superusers", "created", "type", "date")]
    [InlineData("_superusers", "updated", "type", "text")]
    public async Task RenamingOrRetypingASystemField_Gets400_SystemFieldChange(string collection, string field, string key, string value)
    {
        await using var server = await StartAsync();
        var fields = await FieldsAsync(server, collection);
        Find(fields, field)[key] = value;
        await AssertSystemFieldChangeAsync(server, collection, fields);
    }

    [Theory]
    [InlineData("_superusers", "created")]
    [InlineData("_superusers", "updated")]
    public async Task RemovingASystemFieldPocketBaseDoesNotRecreate_Gets400_SystemFieldChange(string collection, string field)
    {
        await using var server = await StartAsync();
        var fields = await FieldsAsync(server, collection);
        fields.Remove(Find(fields, field));
        await AssertSystemFieldChangeAsync(server, collection, fields);
    }

    [Theory]
    [InlineData("members", "id", "primaryKey", false)]
    [InlineData("members", "id", "required", false)]
    [InlineData("notes", "id", "primaryKey", false)]
    [InlineData("members", "password", "hidden", false)]
    [InlineData("members", "tokenKey", "hidden", false)]
    [InlineData("members", "tokenKey", "required", false)]
    [InlineData("members", "email", "hidden", true)]
    [InlineData("members", "id", "system", false)]
    public async Task FlagsPocketBaseEnforces_AreKept(string collection, string field, string key, bool value)
    {
        await using var server = await StartAsync();
        var fields = await FieldsAsync(server, collection);
        Find(fields, field)[key] = value;
        var saved = (await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync($"/api/collections/{collection}", new JsonObject { ["fields"] = fields.DeepClone() }), HttpStatusCode.OK))!;
        Assert.Equal(!value, Find(saved["fields"]!.AsArray(), field)[key]!.GetValue<bool>());
        Assert.Equal(1, await CollectionCrudTests.CountAsync(server, collection));
    }

    [Fact]
    public async Task OtherOptionsOfSystemFields_MayChange_AsInPocketBase()
    {
        await using var server = await StartAsync();
        var fields = await FieldsAsync(server, "members");
        Find(fields, "id")["max"] = 20;
        Find(fields, "password")["min"] = 12;
        Find(fields, "email")["onlyDomains"] = new JsonArray("example.test");
        var saved = (await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/members", new JsonObject { ["fields"] = fields.DeepClone() }), HttpStatusCode.OK))!;
        var savedFields = saved["fields"]!.AsArray();
        Assert.Equal(20, Find(savedFields, "id")["max"]!.GetValue<int>());
        Assert.Equal(12, Find(savedFields, "password")["min"]!.GetValue<int>());
        Assert.Equal("example.test", Find(savedFields, "email")["onlyDomains"]![0]!.GetValue<string>());
    }

    private static async Task AssertSystemFieldChangeAsync(TestServer server, string collection, JsonArray fields)
    {
        var before = server.Core.Schema.Current.Find(collection)!;
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync($"/api/collections/{collection}", new JsonObject { ["fields"] = fields.DeepClone() }), 400);
        Assert.Equal("validation_system_field_change", data["fields"]!["code"]!.GetValue<string>());
        Assert.Same(before, server.Core.Schema.Current.Find(collection));
    }

    private async Task<TestServer> StartAsync()
    {
        var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "members", type = "auth" }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "notes", fields = new object[] { new { name = "text", type = "text" } },
        }), HttpStatusCode.OK);
        await CollectionCrudTests.InsertAsync(server, "members", new() { ["email"] = "m@example.test", ["password"] = "x", ["tokenKey"] = new string('k', 50) });
        await CollectionCrudTests.InsertAsync(server, "notes", new() { ["text"] = "kept" });
        return server;
    }

    internal static async Task<JsonArray> FieldsAsync(TestServer server, string collection) =>
        (await server.Superuser.GetFromJsonAsync<JsonObject>($"/api/collections/{collection}"))!["fields"]!.AsArray();

    internal static JsonObject Find(JsonArray fields, string name) =>
        fields.First(f => f!["name"]!.GetValue<string>() == name)!.AsObject();
}

public sealed class SqliteSystemFieldChangeTests() : SystemFieldChangeTests(DatabaseKind.Sqlite);

public sealed class PostgresSystemFieldChangeTests() : SystemFieldChangeTests(DatabaseKind.Postgres);
