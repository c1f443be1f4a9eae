using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

/// <summary>
/// Issue 18: collection JSON and auth-methods are written with PocketBase's keys in PocketBase's order, so clients that
/// compare JSON text (snapshot tests, schema diffs) see the same document. Field keys are sorted because PocketBase writes
/// each field through a Go map; the rest follow its Go struct order (core/collection_model*.go, apis/record_auth_methods.go).
/// </summary>
public abstract class CollectionKeyOrderTests(DatabaseKind kind)
{
    public static TheoryData<string, string> FieldKeys => new()
    {
        { "text", "autogeneratePattern help hidden id max min name pattern presentable primaryKey required system type" },
        { "number", "help hidden id max min name onlyInt presentable required system type" },
        { "bool", "help hidden id name presentable required system type" },
        { "email", "exceptDomains help hidden id name onlyDomains presentable required system type" },
        { "url", "exceptDomains help hidden id name onlyDomains presentable required system type" },
        { "editor", "convertURLs help hidden id maxSize name presentable required system type" },
        { "date", "help hidden id max min name presentable required system type" },
        { "autodate", "hidden id name onCreate onUpdate presentable system type" },
        { "select", "help hidden id maxSelect name presentable required system type values" },
        { "file", "help hidden id maxSelect maxSize mimeTypes name presentable protected required system thumbs type" },
        { "relation", "cascadeDelete collectionId help hidden id maxSelect minSelect name presentable required system type" },
        { "json", "help hidden id maxSize name presentable required system type" },
        { "password", "cost help hidden id max min name pattern presentable required system type" },
        { "geoPoint", "help hidden id name presentable required system type" },
    };

    private static string Keys(JsonNode? node) => string.Join(' ', node!.AsObject().Select(p => p.Key));

    [Theory]
    [MemberData(nameof(FieldKeys))]
    public async Task FieldJson_HasPocketBasesKeysInSortedOrder(string type, string expected)
    {
        await using var server = await TestServer.StartAsync(kind);
        var field = new JsonObject { ["name"] = "f", ["type"] = type };
        switch (type)
        {
            case "select":
                field["values"] = new JsonArray("a");
                break;
            case "relation":
                field["collectionId"] = "_pb_users_auth_";
                break;
            case "autodate":
                field["onCreate"] = true;
                break;
        }

        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections",
            new JsonObject { ["name"] = "shapes", ["fields"] = new JsonArray(field) }), HttpStatusCode.OK))!;
        Assert.Equal(expected, Keys(created["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "f")));
        var fetched = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/shapes"), HttpStatusCode.OK))!;
        Assert.Equal(expected, Keys(fetched["fields"]![1]));
    }

    [Fact]
    public async Task AuthCollectionJson_KeysAndOptionKeys_FollowPocketBasesStructOrder()
    {
        await using var server = await TestServer.StartAsync(kind);
        var users = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/users"), HttpStatusCode.OK))!;

        // The last key is SharpBase's own notice template (see docs/auth.md), after everything PocketBase writes.
        Assert.Equal(
            "id listRule viewRule createRule updateRule deleteRule name type fields indexes created updated system authRule manageRule " +
            "authAlert oauth2 passwordAuth mfa otp authToken passwordResetToken emailChangeToken verificationToken fileToken " +
            "verificationTemplate resetPasswordTemplate confirmEmailChangeTemplate emailChangeNoticeTemplate", Keys(users));
        Assert.Equal("enabled emailTemplate", Keys(users["authAlert"]));
        Assert.Equal("subject body", Keys(users["authAlert"]!["emailTemplate"]));
        Assert.Equal("providers mappedFields enabled", Keys(users["oauth2"]));
        Assert.Equal("id name username avatarURL", Keys(users["oauth2"]!["mappedFields"]));
        Assert.Equal("enabled identityFields", Keys(users["passwordAuth"]));
        Assert.Equal("enabled duration rule", Keys(users["mfa"]));
        Assert.Equal("enabled duration length emailTemplate", Keys(users["otp"]));
        Assert.All(["authToken", "passwordResetToken", "emailChangeToken", "verificationToken", "fileToken"],
            key => Assert.Equal("duration", Keys(users[key])));
        Assert.Equal("subject body", Keys(users["verificationTemplate"]));
    }

    [Fact]
    public async Task StoredAuthOptions_WriteTheSecretBeforeTheDuration()
    {
        await using var server = await TestServer.StartAsync(kind);
        var users = server.Core.Schema.Current.Find("users")!;
        var stored = SharpBase.Core.Schema.CollectionJson.ToJson(users, includeSecrets: true);
        Assert.Equal("secret duration", Keys(stored["authToken"]));
    }

    [Fact]
    public async Task ViewCollectionJson_EndsWithViewQuery()
    {
        await using var server = await TestServer.StartAsync(kind);
        var view = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections",
            new { name = "v", type = "view", viewQuery = "SELECT id FROM users" }), HttpStatusCode.OK))!;
        Assert.Equal("id listRule viewRule createRule updateRule deleteRule name type fields indexes created updated system viewQuery", Keys(view));
    }

    [Fact]
    public async Task AuthMethods_KeysFollowPocketBasesResponseStructs()
    {
        await using var server = await TestServer.StartAsync(kind);
        var methods = (await HttpAssert.StatusAsync(await server.Guest.GetAsync("/api/collections/users/auth-methods"), HttpStatusCode.OK))!;
        Assert.Equal("password oauth2 mfa otp authProviders usernamePassword emailPassword", Keys(methods));
        Assert.Equal("identityFields enabled", Keys(methods["password"]));
        Assert.Equal("providers enabled", Keys(methods["oauth2"]));
        Assert.Equal("enabled duration", Keys(methods["mfa"]));
        Assert.Equal("enabled duration", Keys(methods["otp"]));
    }
}

public sealed class SqliteCollectionKeyOrderTests() : CollectionKeyOrderTests(DatabaseKind.Sqlite);

public sealed class PostgresCollectionKeyOrderTests() : CollectionKeyOrderTests(DatabaseKind.Postgres);
