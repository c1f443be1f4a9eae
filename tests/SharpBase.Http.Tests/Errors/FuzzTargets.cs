using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Http.Tests.Records;

namespace SharpBase.Http.Tests.Errors;

/// <summary>One JSON endpoint to fuzz: who calls it and a valid body to mutate.</summary>
public sealed record FuzzTarget(HttpMethod Method, string Path, HttpClient Client, Func<JsonObject> Template);

/// <summary>
/// A realistic scenario (a collection with every field type and rules that read the body, an auth collection with a
/// signed-in user) and the JSON endpoints reachable on it, each called by the role that gets past its access check.
/// </summary>
public sealed class FuzzTargets
{
    private FuzzTargets(IReadOnlyList<FuzzTarget> all, IReadOnlyList<string> knownIds)
    {
        All = all;
        KnownIds = knownIds;
    }

    public IReadOnlyList<FuzzTarget> All { get; }

    /// <summary>Ids of existing records, so that mutated relations sometimes point at something real.</summary>
    public IReadOnlyList<string> KnownIds { get; }

    public static async Task<FuzzTargets> SeedAsync(TestServer server)
    {
        var su = server.Superuser;
        var usersId = server.Core.Schema.Current.Find("users")!.Id;
        await RecordsScenario.Ok(await su.PatchAsJsonAsync("/api/settings", new { batch = new { enabled = true, maxRequests = 20 } }));
        await RecordsScenario.Ok(await su.PatchAsJsonAsync("/api/collections/users", new { listRule = "", viewRule = "", updateRule = "id = @request.auth.id" }));
        await RecordsScenario.Ok(await su.PostAsJsonAsync("/api/collections", new
        {
            name = "things",
            listRule = "",
            viewRule = "",
            createRule = "@request.body.title != 'forbidden' && @request.body.tags:length < 4 && @request.body.meta.k != 5",
            updateRule = "@request.body.count:isset = false || @request.body.count < 1000000",
            fields = new object[]
            {
                new { name = "title", type = "text", max = 200, pattern = "^[^<]*$" },
                new { name = "count", type = "number", min = -1000000, max = 1000000 },
                new { name = "whole", type = "number", onlyInt = true },
                new { name = "done", type = "bool" },
                new { name = "contact", type = "email" },
                new { name = "link", type = "url" },
                new { name = "body", type = "editor" },
                new { name = "due", type = "date" },
                new { name = "kind", type = "select", values = new[] { "a", "b", "c" }, maxSelect = 1 },
                new { name = "tags", type = "select", values = new[] { "x", "y", "z" }, maxSelect = 3 },
                new { name = "meta", type = "json", maxSize = 10000 },
                new { name = "owner", type = "relation", collectionId = usersId, maxSelect = 1 },
                new { name = "related", type = "relation", collectionId = usersId, maxSelect = 5 },
                new { name = "cover", type = "file", maxSelect = 2 },
                new { name = "place", type = "geoPoint" },
                new { name = "stamp", type = "autodate", onCreate = true, onUpdate = true },
            },
            indexes = new[] { "CREATE UNIQUE INDEX idx_things_whole ON things (whole) WHERE whole != 0" },
        }));
        await RecordsScenario.Ok(await su.PostAsJsonAsync("/api/collections", new { name = "scratch", fields = new object[] { new { name = "note", type = "text" } } }));

        var user = await server.CreateUserClientAsync("fuzz@example.test");
        await server.CreateUserClientAsync("other@example.test");
        var users = await su.GetFromJsonAsync<JsonObject>("/api/collections/users/records?perPage=10");
        var userIds = users!["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()).ToList();
        var userId = users["items"]!.AsArray().First(u => u!["email"]!.GetValue<string>() == "fuzz@example.test")!["id"]!.GetValue<string>();
        var thing = await (await server.Guest.PostAsJsonAsync("/api/collections/things/records", new { title = "seed" })).Content.ReadFromJsonAsync<JsonObject>();
        var thingId = thing!["id"]!.GetValue<string>();
        var token = user.DefaultRequestHeaders.GetValues("Authorization").First();

        JsonObject Thing() => new()
        {
            ["title"] = "t", ["count"] = 1, ["whole"] = 0, ["done"] = true, ["contact"] = "a@b.test", ["link"] = "https://example.test",
            ["body"] = "<p>x</p>", ["due"] = "2026-01-01 00:00:00.000Z", ["kind"] = "a", ["tags"] = new JsonArray("x", "y"),
            ["meta"] = new JsonObject { ["k"] = 1 }, ["owner"] = userId, ["related"] = new JsonArray(userIds[0]),
            ["cover-"] = new JsonArray("none.png"), ["place"] = new JsonObject { ["lon"] = 1.5, ["lat"] = -2 },
        };

        var guest = server.Guest;
        var post = HttpMethod.Post;
        var patch = HttpMethod.Patch;
        var auth = "/api/collections/users";
        FuzzTarget[] all =
        [
            new(post, "/api/collections/things/records", guest, Thing),
            new(patch, $"/api/collections/things/records/{thingId}", guest, Thing),
            new(post, "/api/batch", guest, () => new JsonObject
            {
                ["requests"] = new JsonArray(
                    new JsonObject { ["method"] = "POST", ["url"] = "/api/collections/things/records", ["body"] = Thing() },
                    new JsonObject { ["method"] = "PATCH", ["url"] = $"/api/collections/things/records/{thingId}", ["body"] = Thing() },
                    new JsonObject { ["method"] = "PUT", ["url"] = "/api/collections/things/records", ["body"] = Thing() }),
            }),
            new(post, $"{auth}/records", guest, () => new JsonObject
            {
                ["email"] = "new@example.test", ["password"] = "new password 1", ["passwordConfirm"] = "new password 1", ["name"] = "n",
                ["emailVisibility"] = true,
            }),
            new(patch, $"{auth}/records/{userId}", user, () => new JsonObject
            {
                ["name"] = "renamed", ["emailVisibility"] = false, ["oldPassword"] = "user password 1", ["password"] = "x", ["passwordConfirm"] = "y",
            }),
            new(post, $"{auth}/auth-with-password", guest, () => new JsonObject { ["identity"] = "fuzz@example.test", ["password"] = "wrong password" }),
            new(post, $"{auth}/auth-refresh", user, () => new JsonObject()),
            new(post, $"{auth}/request-password-reset", guest, () => new JsonObject { ["email"] = "fuzz@example.test" }),
            new(post, $"{auth}/confirm-password-reset", guest, () => new JsonObject
            {
                ["token"] = token, ["password"] = "new password 1", ["passwordConfirm"] = "new password 1",
            }),
            new(post, $"{auth}/request-verification", guest, () => new JsonObject { ["email"] = "fuzz@example.test" }),
            new(post, $"{auth}/confirm-verification", guest, () => new JsonObject { ["token"] = token }),
            new(post, $"{auth}/request-email-change", user, () => new JsonObject { ["newEmail"] = "other@example.test" }),
            new(post, $"{auth}/confirm-email-change", guest, () => new JsonObject { ["token"] = token, ["password"] = "user password 1" }),
            new(post, $"{auth}/impersonate/{userId}", su, () => new JsonObject { ["duration"] = 60 }),
            new(patch, "/api/settings", su, () => new JsonObject
            {
                ["meta"] = new JsonObject { ["appName"] = "Fuzz", ["appURL"] = "http://127.0.0.1" },
                ["batch"] = new JsonObject { ["enabled"] = true, ["maxRequests"] = 20, ["timeout"] = 3 },
            }),
            new(post, "/api/collections", su, () => new JsonObject
            {
                ["name"] = "made", ["type"] = "base", ["listRule"] = "title != ''",
                ["fields"] = new JsonArray(new JsonObject { ["name"] = "title", ["type"] = "text" }, new JsonObject { ["name"] = "n", ["type"] = "number" }),
                ["indexes"] = new JsonArray("CREATE INDEX idx_made_title ON made (title)"),
            }),
            new(patch, "/api/collections/scratch", su, () => new JsonObject
            {
                ["listRule"] = "note != ''",
                ["fields"] = new JsonArray(new JsonObject { ["name"] = "note", ["type"] = "text" }),
                ["indexes"] = new JsonArray("CREATE INDEX idx_scratch_note ON scratch (note)"),
            }),
            new(HttpMethod.Put, "/api/collections/import", su, () => new JsonObject
            {
                ["collections"] = new JsonArray(new JsonObject
                {
                    ["name"] = "imported", ["type"] = "base", ["fields"] = new JsonArray(new JsonObject { ["name"] = "a", ["type"] = "text" }),
                }),
            }),
        ];
        return new FuzzTargets(all, [.. userIds, thingId]);
    }
}
