using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Collections;

/// <summary>
/// Issue 18: the codes and keys of collection validation errors are PocketBase's (scenarios of its
/// apis/collection_test.go and the rules of core/collection_validate.go and core/field.go).
/// </summary>
public abstract class CollectionValidationCodeTests(DatabaseKind kind)
{
    private static string Code(JsonObject data, params string[] path)
    {
        JsonNode? node = data;
        foreach (var key in path)
        {
            node = node?[key];
        }

        return node?["code"]?.GetValue<string>() ?? $"<no error at {string.Join('.', path)} in {data.ToJsonString()}>";
    }

    [Fact]
    public async Task Create_BaseWithReservedSystemNames_GetsNotInInvalidAtTheClientsIndexes()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "new",
            type = "base",
            fields = new object[]
            {
                new { type = "text", name = "id" }, new { type = "text", name = "expand" },
                new { type = "text", name = "collectionId" }, new { type = "text", name = "collectionName" },
            },
        }), 400);

        Assert.Equal("validation_not_in_invalid", Code(data, "fields", "1", "name"));
        Assert.Equal("validation_not_in_invalid", Code(data, "fields", "2", "name"));
        Assert.Equal("validation_not_in_invalid", Code(data, "fields", "3", "name"));
        Assert.Null(data["fields"]!["0"]);
        Assert.Null(server.Core.Schema.Current.Find("new"));
    }

    [Fact]
    public async Task Create_AuthWithPasswordConfirmAndOldPassword_GetsReservedFieldNameAfterThePrependedId()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "new",
            type = "auth",
            fields = new object[] { new { type = "text", name = "oldPassword" }, new { type = "text", name = "passwordConfirm" } },
        }), 400);

        // PocketBase prepends the missing id and appends the other missing auth fields, so the client's two come at 1 and 2.
        Assert.Equal("validation_reserved_field_name", Code(data, "fields", "1", "name"));
        Assert.Equal("validation_reserved_field_name", Code(data, "fields", "2", "name"));
        Assert.Equal(["1", "2"], data["fields"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Single(data);
    }

    [Fact]
    public async Task Create_BaseWithAuthFieldNames_IsAllowed()
    {
        await using var server = await TestServer.StartAsync(kind);
        var names = new[] { "email", "username", "verified", "emailVisibility", "tokenKey", "passwordHash", "password", "passwordConfirm", "oldPassword" };
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "new",
            type = "base",
            fields = names.Select(n => new { type = "text", name = n }).ToArray(),
        }), System.Net.HttpStatusCode.OK))!;
        Assert.Equal(["id", .. names], created["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task Create_NamesWithVia_GetFoundVia()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "a_via_b",
            fields = new object[] { new { type = "text", name = "x_via_y" } },
        }), 400);
        Assert.Equal("validation_found_via", Code(data, "name"));
        Assert.Equal("validation_found_via", Code(data, "fields", "1", "name"));
    }

    [Fact]
    public async Task Create_DuplicatedFieldNameOrId_GetsPocketBasesCodesAtTheLaterField()
    {
        await using var server = await TestServer.StartAsync(kind);
        var byName = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "dupes",
            fields = new object[] { new { type = "text", name = "title" }, new { type = "number", name = "Title" } },
        }), 400);
        Assert.Equal("validation_duplicated_field_name", Code(byName, "fields", "2", "name"));

        var byId = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "dupes",
            fields = new object[] { new { id = "same", type = "text", name = "a" }, new { id = "same", type = "text", name = "b" } },
        }), 400);
        Assert.Equal("validation_duplicated_field_id", Code(byId, "fields", "2", "id"));
        Assert.Null(server.Core.Schema.Current.Find("dupes"));
    }

    [Fact]
    public async Task Create_SystemNameWithAnotherType_GetsDuplicatedFieldName()
    {
        await using var server = await TestServer.StartAsync(kind);

        // The client's number "id" is not PocketBase's id field: the real one is prepended and the client's is the duplicate.
        var baseData = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "typed",
            fields = new object[] { new { type = "number", name = "id" } },
        }), 400);
        Assert.Equal("validation_duplicated_field_name", Code(baseData, "fields", "1", "name"));

        // A text "email" in an auth collection stays at 1, after the prepended id; the system email field appended after password and tokenKey is the duplicate.
        var authData = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "members",
            type = "auth",
            fields = new object[] { new { type = "text", name = "email" } },
        }), 400);
        Assert.Equal("validation_duplicated_field_name", Code(authData, "fields", "4", "name"));
        Assert.Null(server.Core.Schema.Current.Find("typed"));
        Assert.Null(server.Core.Schema.Current.Find("members"));
    }

    [Fact]
    public async Task Create_TwoIndexesWithOneName_GetsDuplicatedIndexName_AndAnotherCollectionsName_GetsExistingIndexName()
    {
        await using var server = await TestServer.StartAsync(kind);
        var fields = new object[] { new { type = "text", name = "a" }, new { type = "text", name = "b" } };
        var duplicate = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "new",
            fields,
            indexes = new[] { "create index duplicate_idx on new (a)", "create index duplicate_idx on new (b)" },
        }), 400);
        Assert.Equal("validation_duplicated_index_name", Code(duplicate, "indexes", "1"));
        Assert.Null(duplicate["indexes"]!["0"]);

        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "first",
            fields,
            indexes = new[] { "create index exist_test on first (a)" },
        }), System.Net.HttpStatusCode.OK);
        var existing = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "new",
            fields,
            indexes = new[] { "create index exist_test on new (a)" },
        }), 400);
        Assert.Equal("validation_existing_index_name", Code(existing, "indexes", "0"));
        Assert.Null(server.Core.Schema.Current.Find("new"));
    }

    [Fact]
    public async Task Update_ReservedNames_AreKeyedByTheSentFieldsOnly()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "demo1" }),
            System.Net.HttpStatusCode.OK))!;
        var id = created["fields"]![0]!["id"]!.GetValue<string>();
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/demo1", new
        {
            fields = new object[]
            {
                new { type = "text", name = "id", id }, new { type = "text", name = "created" }, new { type = "text", name = "updated" },
                new { type = "text", name = "expand" }, new { type = "text", name = "collectionId" }, new { type = "text", name = "collectionName" },
            },
        }), 400);

        Assert.Equal(["3", "4", "5"], data["fields"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.All(["3", "4", "5"], i => Assert.Equal("validation_not_in_invalid", Code(data, "fields", i, "name")));
    }

    [Fact]
    public async Task Update_ExistingNameAndTypeChange_GetsBothErrors()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "demo1" }), System.Net.HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "demo2" }), System.Net.HttpStatusCode.OK);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/demo1", new { name = "demo2", type = "auth" }), 400);
        Assert.Equal("validation_collection_name_exists", Code(data, "name"));
        Assert.Equal("validation_collection_type_change", Code(data, "type"));
    }

    [Fact]
    public async Task Create_NameOfAnotherCollectionsId_GetsNameIdDuplicate()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "_pb_users_auth_" }), 400);
        Assert.Equal("validation_collection_name_id_duplicate", Code(data, "name"));
    }

    [Fact]
    public async Task Update_FieldTypeChange_IsReportedAtTheFieldItself()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "typed",
            fields = new object[] { new { name = "a", type = "text" } },
        }), System.Net.HttpStatusCode.OK))!;
        var fields = created["fields"]!.AsArray().Select(f => f!.DeepClone()).ToArray();
        fields[1]!["type"] = "number";
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/typed", new JsonObject { ["fields"] = new JsonArray(fields) }), 400);

        // PocketBase's ensureNoFieldsTypeChange sets the error as fields.1 itself, not under a "type" key.
        Assert.Equal("validation_field_type_change", data["fields"]!["1"]!["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task Update_PasswordAuthIdentityFieldWithoutField_GetsMissingField()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new
        {
            passwordAuth = new { identityFields = new[] { "missing" } },
        }), 400);
        Assert.Equal("validation_missing_field", Code(data, "passwordAuth", "identityFields"));
    }
}

public sealed class SqliteCollectionValidationCodeTests() : CollectionValidationCodeTests(DatabaseKind.Sqlite);

public sealed class PostgresCollectionValidationCodeTests() : CollectionValidationCodeTests(DatabaseKind.Postgres);
