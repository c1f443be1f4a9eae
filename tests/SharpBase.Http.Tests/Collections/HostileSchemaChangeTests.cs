using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

/// <summary>
/// Odd and hostile schema changes against a collection with data, an index, a rule and a view reading it: each is
/// applied or refused with a 4xx in the error envelope, never a 5xx, on both databases.
/// </summary>
public abstract class HostileSchemaChangeTests(DatabaseKind kind)
{
    private static readonly (string Name, Func<JsonArray, JsonNode> Body)[] Patches =
    [
        ("retype title to number", f => Fields(f, ("title", "type", "number"))),
        ("retype title to json", f => Fields(f, ("title", "type", "json"))),
        ("retype tags to relation", f => Fields(f, ("tags", "type", "relation"))),
        ("rename n to title", f => Fields(f, ("n", "name", "title"))),
        ("rename title to ID", f => Fields(f, ("title", "name", "ID"))),
        ("rename title to expand", f => Fields(f, ("title", "name", "expand"))),
        ("rename title to a 101-character name", f => Fields(f, ("title", "name", new string('t', 101)))),
        ("swap title and n", f => Fields(f, ("title", "name", "n"), ("n", "name", "title"))),
        ("tags many to one", f => Fields(f, ("tags", "maxSelect", 1))),
        ("tags one to many again", f => Fields(f, ("tags", "maxSelect", 5))),
        ("title as a second primary key", f => Fields(f, ("title", "primaryKey", true))),
        ("relation to a missing collection", f => new JsonObject { ["fields"] = Append(f, new JsonObject { ["name"] = "ref", ["type"] = "relation", ["collectionId"] = "nope" }) }),
        ("relation to the view", f => new JsonObject { ["fields"] = Append(f, new JsonObject { ["name"] = "ref", ["type"] = "relation", ["collectionId"] = "pbc_titles" }) }),
        ("field without a type", f => new JsonObject { ["fields"] = Append(f, new JsonObject { ["name"] = "x" }) }),
        ("fields not an array", _ => new JsonObject { ["fields"] = "x" }),
        ("fields of numbers", _ => new JsonObject { ["fields"] = new JsonArray(1, 2) }),
        ("fields null", _ => new JsonObject { ["fields"] = null }),
        ("unique index over duplicate values", _ => new JsonObject { ["indexes"] = new JsonArray("CREATE UNIQUE INDEX idx_dup ON posts (n)") }),
        ("index over a missing column", _ => new JsonObject { ["indexes"] = new JsonArray("CREATE INDEX idx_missing ON posts (nothing)") }),
        ("index that is not an index", _ => new JsonObject { ["indexes"] = new JsonArray("DROP TABLE posts") }),
        ("rule over a missing field", _ => new JsonObject { ["listRule"] = "nothing = 1" }),
        ("rename to an existing name in other case", _ => new JsonObject { ["name"] = "TITLES" }),
        ("rename to an internal table", _ => new JsonObject { ["name"] = "_collections" }),
        ("type to auth", _ => new JsonObject { ["type"] = "auth" }),
        ("drop title, read by the view, the index and the rule", f => new JsonObject { ["fields"] = Without(f, "title") }),
        ("retype title with a new field id", f => new JsonObject { ["fields"] = Append(Without(f, "title"), new JsonObject { ["name"] = "title", ["type"] = "number" }) }),
        ("rename the collection the view reads", _ => new JsonObject { ["name"] = "articles" }),
    ];

    private static readonly (string Name, JsonNode Body)[] ViewPatches =
    [
        ("view over a missing column", new JsonObject { ["viewQuery"] = "SELECT id, nothing FROM articles" }),
        ("view with a repeated column", new JsonObject { ["viewQuery"] = "SELECT id, n, n FROM articles" }),
        ("view with a column name with a space", new JsonObject { ["viewQuery"] = "SELECT id, n AS \"a b\" FROM articles" }),
        ("view with two statements", new JsonObject { ["viewQuery"] = "SELECT id FROM articles; SELECT 1" }),
        ("view with a write", new JsonObject { ["viewQuery"] = "WITH x AS (DELETE FROM articles RETURNING id) SELECT id FROM x" }),
        ("view to base", new JsonObject { ["type"] = "base" }),
        ("view with a create rule", new JsonObject { ["createRule"] = "" }),
        ("view with an index", new JsonObject { ["indexes"] = new JsonArray("CREATE INDEX idx_v ON titles (id)") }),
    ];

    [Fact]
    public async Task OddSchemaChanges_AreAppliedOrRefusedWith4xx_NeverA5xx()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts",
            listRule = "title != ''",
            fields = new object[]
            {
                new { name = "title", type = "text" },
                new { name = "n", type = "number" },
                new { name = "tags", type = "select", values = new[] { "a", "b" }, maxSelect = 2 },
            },
            indexes = new[] { "CREATE INDEX idx_posts_title ON posts (title)" },
        }), HttpStatusCode.OK);
        await CollectionCrudTests.InsertAsync(server, "posts", new() { ["title"] = "one", ["n"] = 1d, ["tags"] = "[\"a\",\"b\"]" });
        await CollectionCrudTests.InsertAsync(server, "posts", new() { ["title"] = "two", ["n"] = 1d, ["tags"] = "[\"b\"]" });
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            id = "pbc_titles", name = "titles", type = "view", viewQuery = "SELECT id, title, n FROM posts",
        }), HttpStatusCode.OK);

        var outcomes = new List<string>();
        foreach (var (name, body) in Patches)
        {
            var collection = server.Core.Schema.Current.Find("posts") ?? server.Core.Schema.Current.Find("articles")!;
            var fields = await SystemFieldChangeTests.FieldsAsync(server, collection.Name);
            outcomes.Add(await SendAsync(name, () => server.Superuser.PatchAsJsonAsync($"/api/collections/{collection.Id}", body(fields))));
        }

        foreach (var (name, body) in ViewPatches)
        {
            outcomes.Add(await SendAsync(name, () => server.Superuser.PatchAsJsonAsync("/api/collections/titles", body)));
        }

        outcomes.Add(await SendAsync("delete the table the view reads", () => server.Superuser.DeleteAsync("/api/collections/articles")));
        outcomes.Add(await SendAsync("import deleting the table a kept view reads", () => server.Superuser.PutAsJsonAsync("/api/collections/import", new JsonObject
        {
            ["deleteMissing"] = true,
            ["collections"] = new JsonArray(new JsonObject { ["id"] = "pbc_titles", ["name"] = "titles", ["type"] = "view", ["viewQuery"] = server.Core.Schema.Current.Find("titles")!.ViewQuery }),
        })));
        outcomes.Add(await SendAsync("truncate the view", () => server.Superuser.DeleteAsync("/api/collections/titles/truncate")));
        Assert.All(outcomes, o => Assert.DoesNotContain(": 5", o, StringComparison.Ordinal));
        Assert.Equal(2, await CollectionCrudTests.CountAsync(server, server.Core.Schema.Current.Find("posts") is null ? "articles" : "posts"));
        var view = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/titles/records"), HttpStatusCode.OK))!;
        Assert.Equal(2, view["totalItems"]!.GetValue<int>());
    }

    private static async Task<string> SendAsync(string name, Func<Task<HttpResponseMessage>> request)
    {
        var response = await request();
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{name}: {status} {await response.Content.ReadAsStringAsync()}");
        if (status >= 400)
        {
            await HttpAssert.ErrorAsync(response, status);
        }

        return $"{name}: {status}";
    }

    private static JsonObject Fields(JsonArray fields, params (string Field, string Key, JsonNode? Value)[] changes)
    {
        var copy = fields.DeepClone().AsArray();
        foreach (var (field, key, value) in changes)
        {
            SystemFieldChangeTests.Find(copy, field)[key] = value?.DeepClone();
        }

        return new JsonObject { ["fields"] = copy };
    }

    private static JsonArray Append(JsonArray fields, JsonObject field)
    {
        var copy = fields.DeepClone().AsArray();
        copy.Add(field);
        return copy;
    }

    private static JsonArray Without(JsonArray fields, string name) =>
        new(fields.Where(f => f!["name"]!.GetValue<string>() != name).Select(f => f!.DeepClone()).ToArray());
}

public sealed class SqliteHostileSchemaChangeTests() : HostileSchemaChangeTests(DatabaseKind.Sqlite);

public sealed class PostgresHostileSchemaChangeTests() : HostileSchemaChangeTests(DatabaseKind.Postgres);
