using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

/// <summary>
/// Collection JSON in the shape PocketBase's own export writes (issue 18): Go writes a nil list as <c>null</c>
/// (<c>thumbs</c>, <c>mimeTypes</c>, <c>exceptDomains</c>, <c>oauth2.providers</c>), and its decoder ignores unknown keys.
/// </summary>
public abstract class PocketBaseCollectionJsonTests(DatabaseKind kind)
{
    /// <summary>An auth and a base collection as PocketBase 0.23+ exports them, with every option it writes.</summary>
    public const string ExportedCollections = """
    [
      {
        "id": "pbc_1736455494", "name": "members", "type": "auth", "system": false,
        "listRule": "id = @request.auth.id", "viewRule": "id = @request.auth.id", "createRule": "", "updateRule": null, "deleteRule": null,
        "authRule": "", "manageRule": null,
        "authAlert": { "enabled": true, "emailTemplate": { "subject": "Login from a new location", "body": "<p>Hi</p>" } },
        "oauth2": { "enabled": false, "mappedFields": { "id": "", "name": "", "username": "", "avatarURL": "" }, "providers": null },
        "passwordAuth": { "enabled": true, "identityFields": ["email"] },
        "mfa": { "enabled": false, "duration": 1800, "rule": "" },
        "otp": { "enabled": false, "duration": 180, "length": 8, "emailTemplate": { "subject": "OTP", "body": "{OTP}" } },
        "authToken": { "duration": 604800 }, "passwordResetToken": { "duration": 1800 }, "emailChangeToken": { "duration": 1800 },
        "verificationToken": { "duration": 259200 }, "fileToken": { "duration": 180 },
        "verificationTemplate": { "subject": "Verify", "body": "{TOKEN}" },
        "resetPasswordTemplate": { "subject": "Reset", "body": "{TOKEN}" },
        "confirmEmailChangeTemplate": { "subject": "Confirm", "body": "{TOKEN}" },
        "fields": [
          { "autogeneratePattern": "[a-z0-9]{15}", "help": "", "hidden": false, "id": "text3208210256", "max": 15, "min": 15, "name": "id", "pattern": "^[a-z0-9]+$", "presentable": false, "primaryKey": true, "required": true, "system": true, "type": "text" },
          { "cost": 0, "help": "", "hidden": true, "id": "password901924565", "max": 0, "min": 8, "name": "password", "pattern": "", "presentable": false, "required": true, "system": true, "type": "password" },
          { "autogeneratePattern": "[a-zA-Z0-9]{50}", "help": "", "hidden": true, "id": "text2504183744", "max": 60, "min": 30, "name": "tokenKey", "pattern": "", "presentable": false, "primaryKey": false, "required": true, "system": true, "type": "text" },
          { "exceptDomains": null, "help": "", "hidden": false, "id": "email3885137012", "name": "email", "onlyDomains": null, "presentable": false, "required": true, "system": true, "type": "email" },
          { "help": "", "hidden": false, "id": "bool1547992806", "name": "emailVisibility", "presentable": false, "required": false, "system": true, "type": "bool" },
          { "help": "", "hidden": false, "id": "bool256245529", "name": "verified", "presentable": false, "required": false, "system": true, "type": "bool" },
          { "help": "", "hidden": false, "id": "file376926767", "maxSelect": 1, "maxSize": 0, "mimeTypes": null, "name": "avatar", "presentable": false, "protected": false, "required": false, "system": false, "thumbs": null, "type": "file" },
          { "hidden": false, "id": "autodate2990389176", "name": "created", "onCreate": true, "onUpdate": false, "presentable": false, "system": false, "type": "autodate" },
          { "hidden": false, "id": "autodate3332085495", "name": "updated", "onCreate": true, "onUpdate": true, "presentable": false, "system": false, "type": "autodate" }
        ],
        "indexes": ["CREATE UNIQUE INDEX `idx_tokenKey_pbc_1736455494` ON `members` (`tokenKey`)", "CREATE UNIQUE INDEX `idx_email_pbc_1736455494` ON `members` (`email`) WHERE `email` != ''"]
      },
      {
        "id": "pbc_2105053228", "name": "posts", "type": "base", "system": false,
        "listRule": "", "viewRule": "", "createRule": "@request.auth.id != ''", "updateRule": null, "deleteRule": null,
        "fields": [
          { "autogeneratePattern": "[a-z0-9]{15}", "help": "", "hidden": false, "id": "text3208210256", "max": 15, "min": 15, "name": "id", "pattern": "^[a-z0-9]+$", "presentable": false, "primaryKey": true, "required": true, "system": true, "type": "text" },
          { "autogeneratePattern": "", "help": "", "hidden": false, "id": "text724990059", "max": 0, "min": 0, "name": "title", "pattern": "", "presentable": true, "primaryKey": false, "required": false, "system": false, "type": "text" },
          { "convertURLs": false, "help": "", "hidden": false, "id": "editor3685223346", "maxSize": 0, "name": "body", "presentable": false, "required": false, "system": false, "type": "editor" },
          { "help": "", "hidden": false, "id": "number2245608546", "max": null, "min": null, "name": "views", "onlyInt": false, "presentable": false, "required": false, "system": false, "type": "number" },
          { "help": "", "hidden": false, "id": "bool1748787223", "name": "published", "presentable": false, "required": false, "system": false, "type": "bool" },
          { "exceptDomains": null, "help": "", "hidden": false, "id": "url4101391790", "name": "link", "onlyDomains": null, "presentable": false, "required": false, "system": false, "type": "url" },
          { "exceptDomains": null, "help": "", "hidden": false, "id": "email1704208859", "name": "contact", "onlyDomains": null, "presentable": false, "required": false, "system": false, "type": "email" },
          { "help": "", "hidden": false, "id": "date2862495610", "max": "", "min": "", "name": "publishedAt", "presentable": false, "required": false, "system": false, "type": "date" },
          { "help": "", "hidden": false, "id": "select1874629670", "maxSelect": 2, "name": "tags", "presentable": false, "required": false, "system": false, "type": "select", "values": ["news", "tech", "life"] },
          { "help": "", "hidden": false, "id": "file1704850090", "maxSelect": 3, "maxSize": 5242880, "mimeTypes": null, "name": "images", "presentable": false, "protected": false, "required": false, "system": false, "thumbs": null, "type": "file" },
          { "cascadeDelete": false, "collectionId": "pbc_1736455494", "help": "", "hidden": false, "id": "relation3182418120", "maxSelect": 1, "minSelect": 0, "name": "author", "presentable": false, "required": false, "system": false, "type": "relation" },
          { "help": "", "hidden": false, "id": "json1326724116", "maxSize": 0, "name": "meta", "presentable": false, "required": false, "system": false, "type": "json" },
          { "help": "", "hidden": false, "id": "geoPoint1587448267", "name": "place", "presentable": false, "required": false, "system": false, "type": "geoPoint" },
          { "hidden": false, "id": "autodate2990389176", "name": "created", "onCreate": true, "onUpdate": false, "presentable": false, "system": false, "type": "autodate" },
          { "hidden": false, "id": "autodate3332085495", "name": "updated", "onCreate": true, "onUpdate": true, "presentable": false, "system": false, "type": "autodate" }
        ],
        "indexes": ["CREATE INDEX `idx_posts_title` ON `posts` (`title`)"]
      }
    ]
    """;

    [Fact]
    public async Task Import_PocketBaseExport_WithNullLists_Gets204AndDefaults()
    {
        await using var server = await TestServer.StartAsync(kind);
        var body = new JsonObject { ["collections"] = JsonNode.Parse(ExportedCollections), ["deleteMissing"] = false };
        await HttpAssert.StatusAsync(await server.Superuser.PutAsJsonAsync("/api/collections/import", body), HttpStatusCode.NoContent);

        var posts = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/posts"), HttpStatusCode.OK))!;
        var images = FieldNamed(posts, "images");
        Assert.Empty(images["thumbs"]!.AsArray());
        Assert.Empty(images["mimeTypes"]!.AsArray());
        Assert.Equal(3, images["maxSelect"]!.GetValue<int>());
        Assert.Null(FieldNamed(posts, "views")["min"]);
        Assert.Equal("@request.auth.id != ''", posts["createRule"]!.GetValue<string>());

        var members = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/members"), HttpStatusCode.OK))!;
        Assert.Empty(members["oauth2"]!["providers"]!.AsArray());
        Assert.Equal(604800, members["authToken"]!["duration"]!.GetValue<long>());
        Assert.Empty(FieldNamed(members, "avatar")["thumbs"]!.AsArray());

        // The imported schema works: a record with a two-value select goes in.
        var created = await server.Superuser.PostAsJsonAsync("/api/collections/posts/records", new { title = "hello", tags = new[] { "news", "tech" } });
        var record = (await HttpAssert.StatusAsync(created, HttpStatusCode.OK))!;
        Assert.Equal(2, record["tags"]!.AsArray().Count);
    }

    [Fact]
    public async Task Import_SameExportTwice_SecondChangesNothing()
    {
        await using var server = await TestServer.StartAsync(kind);
        var collections = JsonNode.Parse(ExportedCollections)!.AsArray();
        // Provider keys in PocketBase's order, which PostgreSQL's jsonb does not keep: the rerun must still compare equal.
        collections[0]!["oauth2"]!["providers"] = JsonNode.Parse("""
            [{ "pkce": null, "name": "gitlab", "clientId": "id1", "clientSecret": "secret1", "authURL": "", "tokenURL": "", "userInfoURL": "", "displayName": "", "extra": null }]
            """);
        var body = new JsonObject { ["collections"] = collections, ["deleteMissing"] = false };
        await HttpAssert.StatusAsync(await server.Superuser.PutAsJsonAsync("/api/collections/import", body), HttpStatusCode.NoContent);
        var files = server.Core.MigrationFiles.List().Count;
        await server.Core.LoadSchemaAsync(CancellationToken.None); // as after a restart: the schema as the database stored it

        await HttpAssert.StatusAsync(await server.Superuser.PutAsJsonAsync("/api/collections/import", body.DeepClone()), HttpStatusCode.NoContent);
        Assert.Equal(files, server.Core.MigrationFiles.List().Count);
    }

    [Fact]
    public async Task Create_PocketBaseFieldJson_WithNullsForEveryOption_UsesTheDefaults()
    {
        await using var server = await TestServer.StartAsync(kind);
        var body = JsonNode.Parse("""
        {
          "name": "nulls", "type": "base", "listRule": null, "indexes": null,
          "fields": [
            { "name": "t", "type": "text", "id": null, "min": null, "max": null, "pattern": null, "autogeneratePattern": null, "help": null, "hidden": null, "presentable": null, "required": null, "primaryKey": null },
            { "name": "f", "type": "file", "maxSelect": null, "maxSize": null, "mimeTypes": null, "thumbs": null, "protected": null },
            { "name": "s", "type": "select", "maxSelect": null, "values": ["a"] },
            { "name": "e", "type": "editor", "maxSize": null, "convertURLs": null },
            { "name": "d", "type": "date", "min": null, "max": null },
            { "name": "j", "type": "json", "maxSize": null },
            { "name": "u", "type": "url", "exceptDomains": null, "onlyDomains": null },
            { "name": "n", "type": "number", "min": null, "max": null, "onlyInt": null },
            { "name": "b", "type": "bool", "required": null },
            { "name": "g", "type": "geoPoint", "required": null },
            { "name": "r", "type": "relation", "collectionId": "_pb_users_auth_", "cascadeDelete": null, "minSelect": null, "maxSelect": null },
            { "name": "a", "type": "autodate", "onCreate": true, "onUpdate": null }
          ]
        }
        """)!;
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsync("/api/collections",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK))!;

        Assert.Equal("", FieldNamed(created, "t")["pattern"]!.GetValue<string>());
        Assert.Equal(0, FieldNamed(created, "t")["max"]!.GetValue<int>());
        Assert.Empty(FieldNamed(created, "f")["thumbs"]!.AsArray());
        Assert.Equal(0, FieldNamed(created, "f")["maxSelect"]!.GetValue<int>());
        Assert.Equal("", FieldNamed(created, "d")["min"]!.GetValue<string>());
        Assert.False(FieldNamed(created, "a")["onUpdate"]!.GetValue<bool>());
        Assert.Null(created["listRule"]);
    }

    [Fact]
    public async Task Create_UnknownOptions_AreIgnoredAsPocketBaseDoes()
    {
        await using var server = await TestServer.StartAsync(kind);
        var body = JsonNode.Parse("""
        {
          "name": "extras", "someFutureOption": { "x": 1 },
          "fields": [ { "name": "title", "type": "text", "someFutureFieldOption": true, "max": 10 } ]
        }
        """)!;
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsync("/api/collections",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK))!;
        var title = FieldNamed(created, "title");
        Assert.Equal(10, title["max"]!.GetValue<int>());
        Assert.Null(title["someFutureFieldOption"]);
        Assert.Null(created["someFutureOption"]);
    }

    [Fact]
    public async Task Create_SelectWithNullValues_Gets400ValuesRequired()
    {
        await using var server = await TestServer.StartAsync(kind);
        var body = JsonNode.Parse("""{ "name": "sel", "fields": [ { "name": "s", "type": "select", "values": null, "maxSelect": 1 } ] }""")!;
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsync("/api/collections",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")), 400);
        // Key 1: the id field the server adds comes first.
        Assert.Equal("validation_required", data["fields"]!["1"]!["values"]!["code"]!.GetValue<string>());
        Assert.Null(server.Core.Schema.Current.Find("sel"));
    }

    private static JsonNode FieldNamed(JsonNode collection, string name) =>
        collection["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!;
}

public sealed class SqlitePocketBaseCollectionJsonTests() : PocketBaseCollectionJsonTests(DatabaseKind.Sqlite);

public sealed class PostgresPocketBaseCollectionJsonTests() : PocketBaseCollectionJsonTests(DatabaseKind.Postgres);
