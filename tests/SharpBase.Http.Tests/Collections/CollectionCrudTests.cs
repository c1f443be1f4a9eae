using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

public abstract class CollectionCrudTests(DatabaseKind kind)
{
    private static object AllFieldTypes() => new
    {
        name = "posts",
        fields = new object[]
        {
            new { name = "title", type = "text", required = true, max = 100 },
            new { name = "views", type = "number", onlyInt = true, min = 0 },
            new { name = "published", type = "bool" },
            new { name = "contact", type = "email" },
            new { name = "link", type = "url" },
            new { name = "body", type = "editor" },
            new { name = "due", type = "date" },
            new { name = "tags", type = "select", values = new[] { "a", "b", "c" }, maxSelect = 2 },
            new { name = "meta", type = "json" },
            new { name = "author", type = "relation", collectionId = "_pb_users_auth_", maxSelect = 1 },
            new { name = "cover", type = "file", maxSelect = 1 },
            new { name = "secret", type = "password" },
            new { name = "place", type = "geoPoint" },
            new { name = "stamp", type = "autodate", onCreate = true },
        },
        indexes = new[] { "CREATE UNIQUE INDEX idx_posts_title ON posts (title)" },
    };

    [Fact]
    public async Task Create_WithEveryFieldType_ReturnsCollectionWithSystemFieldsAndIds()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", AllFieldTypes()), HttpStatusCode.OK))!;

        Assert.Equal("posts", created["name"]!.GetValue<string>());
        Assert.Equal("base", created["type"]!.GetValue<string>());
        Assert.StartsWith("pbc_", created["id"]!.GetValue<string>(), StringComparison.Ordinal);
        var fields = created["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal("id", fields[0]);
        Assert.DoesNotContain("created", fields);
        Assert.DoesNotContain("updated", fields);
        Assert.All(created["fields"]!.AsArray(), f => Assert.False(string.IsNullOrEmpty(f!["id"]!.GetValue<string>())));
        Assert.Equal("text3208210256", created["fields"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("CREATE UNIQUE INDEX `idx_posts_title` ON `posts` (`title`)", created["indexes"]![0]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$", created["created"]!.GetValue<string>());

        var table = server.Core.Schema.Current.Find("posts")!;
        Assert.Equal(0, await CountAsync(server, "posts"));
        Assert.Equal(fields.Length, table.Fields.Count);
    }

    [Fact]
    public async Task Create_UniqueIndex_IsEnforcedByTheTable()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", AllFieldTypes()), HttpStatusCode.OK);
        await InsertAsync(server, "posts", new() { ["title"] = "same" });
        var failure = await Record.ExceptionAsync(() => InsertAsync(server, "posts", new() { ["title"] = "same" }));
        Assert.NotNull(failure);
        Assert.Equal(1, await CountAsync(server, "posts"));
    }

    [Fact]
    public async Task Create_InvalidNameAndDuplicateField_Gets400WithBothAndChangesNothing()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "bad name!",
            fields = new object[] { new { name = "title", type = "text" }, new { name = "TITLE", type = "text" } },
        }), 400);

        Assert.Equal("validation_match_invalid", data["name"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_duplicated_field_name", data["fields"]!["2"]!["name"]!["code"]!.GetValue<string>());
        Assert.Null(server.Core.Schema.Current.Find("bad name!"));
        Assert.Equal(6, server.Core.Schema.Current.Collections.Count);
    }

    [Fact]
    public async Task Create_UnknownFieldTypeOrWrongJsonTypes_Gets400()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "things",
            fields = new object[] { new { name = "a", type = "text" }, new { name = "x", type = "nope" }, new { name = "n", type = "number", min = "low" } },
        }), 400);
        Assert.Equal("validation_in_invalid", data["fields"]!["1"]!["type"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_invalid_value", data["fields"]!["2"]!["min"]!["code"]!.GetValue<string>());
        await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = 5 }), 400);
        Assert.Null(server.Core.Schema.Current.Find("things"));
    }

    [Fact]
    public async Task Create_FieldErrors_AreKeyedByFieldIndex()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "things",
            fields = new object[]
            {
                new { name = "expand", type = "text" },
                new { name = "rel", type = "relation", collectionId = "missing" },
                new { name = "s", type = "select", values = Array.Empty<string>() },
            },
            indexes = new[] { "CREATE INDEX idx_x ON things (unknown)", "DROP TABLE users" },
        }), 400);

        Assert.Equal("validation_not_in_invalid", data["fields"]!["1"]!["name"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_missing_collection", data["fields"]!["2"]!["collectionId"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_required", data["fields"]!["3"]!["values"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_invalid_index_expression", data["indexes"]!["0"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_invalid_index_expression", data["indexes"]!["1"]!["code"]!.GetValue<string>());
        Assert.Null(server.Core.Schema.Current.Find("things"));
    }

    [Fact]
    public async Task Create_DuplicateNameCaseInsensitive_Gets400()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "USERS" }), 400);
        Assert.Equal("validation_collection_name_exists", data["name"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task View_ByIdOrCaseInsensitiveName_ReturnsTheSameCollection()
    {
        await using var server = await TestServer.StartAsync(kind);
        var byName = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/USERS"), HttpStatusCode.OK))!;
        var byId = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/_pb_users_auth_"), HttpStatusCode.OK))!;
        Assert.Equal(byId.ToJsonString(), byName.ToJsonString());
        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections/nope"), 404);
    }

    [Fact]
    public async Task AuthCollection_NeverReturnsSecrets_ButKeepsThemAcrossUpdates()
    {
        await using var server = await TestServer.StartAsync(kind);
        var users = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/users"), HttpStatusCode.OK))!;
        Assert.Null(users["authToken"]!["secret"]);
        Assert.Equal(432000, users["authToken"]!["duration"]!.GetValue<long>());
        var secretBefore = server.Core.Schema.Current.Find("users")!.Auth!.AuthToken.Secret;
        Assert.True(secretBefore.Length >= 30);

        var updated = (await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new { authToken = new { duration = 3600 } }), HttpStatusCode.OK))!;
        Assert.Equal(3600, updated["authToken"]!["duration"]!.GetValue<long>());
        Assert.Null(updated["authToken"]!["secret"]);
        Assert.Equal(secretBefore, server.Core.Schema.Current.Find("users")!.Auth!.AuthToken.Secret);
    }

    [Fact]
    public async Task Update_RenameFieldAndCollection_KeepsData()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "notes",
            fields = new object[] { new { name = "title", type = "text" }, new { name = "n", type = "number" } },
            indexes = new[] { "CREATE INDEX idx_notes_title ON notes (title)" },
        }), HttpStatusCode.OK))!;
        await InsertAsync(server, "notes", new() { ["title"] = "hello", ["n"] = 42d });

        var fields = created["fields"]!.AsArray().Select(f => f!.DeepClone()).ToArray();
        var title = fields.Single(f => f!["name"]!.GetValue<string>() == "title")!;
        title["name"] = "heading";
        var patch = new JsonObject { ["name"] = "memos", ["fields"] = new JsonArray(fields), ["indexes"] = new JsonArray("CREATE INDEX idx_notes_title ON notes (heading)") };
        var updated = (await HttpAssert.StatusAsync(await server.Superuser.PatchAsync($"/api/collections/{created["id"]}", JsonContent.Create(patch)), HttpStatusCode.OK))!;

        Assert.Equal("memos", updated["name"]!.GetValue<string>());
        Assert.Equal("CREATE INDEX `idx_notes_title` ON `memos` (`heading`)", updated["indexes"]![0]!.GetValue<string>());
        var row = await server.Core.Records.FindByAsync(server.Core.Schema.Current.Find("memos")!, "heading", "hello", CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal(42d, row!.Values["n"]);
        Assert.Null(server.Core.Schema.Current.Find("notes"));
    }

    [Fact]
    public async Task Update_AddAndDropFields_AltersTheTable()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "items",
            fields = new object[] { new { name = "a", type = "text" }, new { name = "b", type = "text" } },
        }), HttpStatusCode.OK))!;
        await InsertAsync(server, "items", new() { ["a"] = "kept", ["b"] = "dropped" });

        var fields = new JsonArray(created["fields"]!.AsArray().Where(f => f!["name"]!.GetValue<string>() != "b").Select(f => f!.DeepClone()).ToArray());
        fields.Add(new JsonObject { ["name"] = "c", ["type"] = "bool" });
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsync("/api/collections/items", JsonContent.Create(new JsonObject { ["fields"] = fields })), HttpStatusCode.OK);

        var items = server.Core.Schema.Current.Find("items")!;
        var row = await server.Core.Records.FindByAsync(items, "a", "kept", CancellationToken.None);
        Assert.NotNull(row);
        Assert.False(row!.Values.ContainsKey("b"));
        Assert.Equal(false, row.Values["c"]);
    }

    [Fact]
    public async Task Update_SingleToMultipleSelect_ConvertsStoredValues()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "tagged",
            fields = new object[] { new { name = "tag", type = "select", values = new[] { "x", "y" }, maxSelect = 1 } },
        }), HttpStatusCode.OK))!;
        await InsertAsync(server, "tagged", new() { ["tag"] = "x" });

        var fields = created["fields"]!.AsArray().Select(f => f!.DeepClone()).ToArray();
        fields.Single(f => f!["name"]!.GetValue<string>() == "tag")!["maxSelect"] = 2;
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsync("/api/collections/tagged", JsonContent.Create(new JsonObject { ["fields"] = new JsonArray(fields) })), HttpStatusCode.OK);

        var tagged = server.Core.Schema.Current.Find("tagged")!;
        var row = await server.Core.Records.FindByAsync(tagged, "id", (await FirstIdAsync(server, "tagged"))!, CancellationToken.None);
        Assert.Equal("[\"x\"]", ((string)row!.Values["tag"]!).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_TypeChangeToIncompatibleType_Gets400()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "typed",
            fields = new object[] { new { name = "a", type = "text" } },
        }), HttpStatusCode.OK))!;
        var fields = created["fields"]!.AsArray().Select(f => f!.DeepClone()).ToArray();
        var a = fields.Single(f => f!["name"]!.GetValue<string>() == "a")!.AsObject();
        a["type"] = "number";
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsync("/api/collections/typed", JsonContent.Create(new JsonObject { ["fields"] = new JsonArray(fields) })), 400);
        Assert.Equal("validation_field_type_change", data["fields"]!["1"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_RemovesCollectionAndTable_SystemAndReferencedAreRefused()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", AllFieldTypes()), HttpStatusCode.OK);
        await HttpAssert.ErrorAsync(await server.Superuser.DeleteAsync("/api/collections/_superusers"), 400);
        await HttpAssert.ErrorAsync(await server.Superuser.DeleteAsync("/api/collections/users"), 400);
        Assert.NotNull(server.Core.Schema.Current.Find("users"));

        await HttpAssert.StatusAsync(await server.Superuser.DeleteAsync("/api/collections/posts"), HttpStatusCode.NoContent);
        Assert.Null(server.Core.Schema.Current.Find("posts"));
        var exists = await server.Core.Database.ReadAsync((s, ct) => SharpBase.Storage.Catalog.TableIntrospection.TableExistsAsync(s, "posts", ct), CancellationToken.None);
        Assert.False(exists);
    }

    [Fact]
    public async Task Truncate_DeletesRecords_KeepsSchema()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", AllFieldTypes()), HttpStatusCode.OK);
        await InsertAsync(server, "posts", new() { ["title"] = "one" });
        await InsertAsync(server, "posts", new() { ["title"] = "two" });
        await HttpAssert.StatusAsync(await server.Superuser.DeleteAsync("/api/collections/posts/truncate"), HttpStatusCode.NoContent);
        Assert.Equal(0, await CountAsync(server, "posts"));
        Assert.NotNull(server.Core.Schema.Current.Find("posts"));
        await HttpAssert.ErrorAsync(await server.Superuser.DeleteAsync("/api/collections/_superusers/truncate"), 400);
    }

    internal static async Task InsertAsync(TestServer server, string collectionName, Dictionary<string, object?> values)
    {
        var collection = server.Core.Schema.Current.Find(collectionName)!;
        values.TryAdd("id", SharpBase.Core.Common.Ids.NewRecordId(SharpBase.Core.Common.SecureRandomSource.Instance));
        await server.Core.Database.WriteAsync(async (session, ct) =>
        {
            await server.Core.Records.InsertAsync(session, collection, values, ct);
            return true;
        }, CancellationToken.None);
    }

    internal static Task<long> CountAsync(TestServer server, string collectionName) =>
        server.Core.Database.ReadAsync((session, ct) =>
            server.Core.Records.CountAsync(session, server.Core.Schema.Current.Find(collectionName)!, ct), CancellationToken.None);

    private static Task<string?> FirstIdAsync(TestServer server, string collectionName) =>
        server.Core.Database.ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command($"SELECT id FROM \"{collectionName}\" LIMIT 1");
            return (string?)await command.ExecuteScalarAsync(ct);
        }, CancellationToken.None);
}

public sealed class SqliteCollectionCrudTests() : CollectionCrudTests(DatabaseKind.Sqlite);

public sealed class PostgresCollectionCrudTests() : CollectionCrudTests(DatabaseKind.Postgres);
