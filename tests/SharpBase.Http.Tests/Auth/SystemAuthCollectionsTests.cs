using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Core;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Storage.Catalog;
using Xunit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>
/// <c>_mfas</c>, <c>_otps</c>, <c>_externalAuths</c> and <c>_authOrigins</c> exist with PocketBase's ids, fields, rules and
/// indexes, are listed, cannot be deleted, and are added to a database that predates them (issue 18).
/// </summary>
public abstract class SystemAuthCollectionsTests(DatabaseKind kind)
{
    private const string OwnerRule = "@request.auth.id != '' && recordRef = @request.auth.id && collectionRef = @request.auth.collectionId";

    public static TheoryData<string, string> Auxiliary => new()
    {
        { "_mfas", "pbc_2279338944" },
        { "_otps", "pbc_1638494021" },
        { "_externalAuths", "pbc_2281828961" },
        { "_authOrigins", "pbc_4275539003" },
    };

    [Fact]
    public async Task List_CountsTheAuxiliaryCollections()
    {
        await using var server = await TestServer.StartAsync(kind);

        var list = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections?perPage=100"), HttpStatusCode.OK))!;

        Assert.Equal(6, list["totalItems"]!.GetValue<long>());
        var byName = list["items"]!.AsArray().ToDictionary(i => i!["name"]!.GetValue<string>(), i => i!.AsObject());
        foreach (var (name, id) in new[] { ("_mfas", "pbc_2279338944"), ("_otps", "pbc_1638494021"), ("_externalAuths", "pbc_2281828961"), ("_authOrigins", "pbc_4275539003") })
        {
            Assert.Equal(id, byName[name]["id"]!.GetValue<string>());
            Assert.Equal("base", byName[name]["type"]!.GetValue<string>());
            Assert.True(byName[name]["system"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Mfas_HasPocketBasesFieldsRulesAndIndex()
    {
        await using var server = await TestServer.StartAsync(kind);

        var mfas = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/_mfas"), HttpStatusCode.OK))!.AsObject();

        Assert.Equal(["id", "collectionRef", "recordRef", "method", "created", "updated"], FieldNames(mfas));
        Assert.Equal(["text3208210256", "text455797646", "text127846527", "text1582905952", "autodate2990389176", "autodate3332085495"],
            mfas["fields"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToArray());
        Assert.All(mfas["fields"]!.AsArray(), f => Assert.True(f!["system"]!.GetValue<bool>()));
        Assert.Equal(OwnerRule, mfas["listRule"]!.GetValue<string>());
        Assert.Equal(OwnerRule, mfas["viewRule"]!.GetValue<string>());
        Assert.Null(mfas["createRule"]);
        Assert.Null(mfas["updateRule"]);
        Assert.Null(mfas["deleteRule"]);
        // PocketBase's index, in SharpBase's canonical spelling of index strings (every identifier quoted).
        Assert.Equal(["CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `_mfas` (`collectionRef`, `recordRef`)"],
            mfas["indexes"]!.AsArray().Select(i => i!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task OtpsExternalAuthsAuthOrigins_HavePocketBasesFieldsRulesAndIndexes()
    {
        await using var server = await TestServer.StartAsync(kind);

        var otps = await GetAsync(server, "_otps");
        Assert.Equal(["id", "collectionRef", "recordRef", "password", "sentTo", "created", "updated"], FieldNames(otps));
        var password = otps["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "password")!;
        Assert.Equal("password", password["type"]!.GetValue<string>());
        Assert.True(password["hidden"]!.GetValue<bool>());
        Assert.Null(otps["deleteRule"]);

        var external = await GetAsync(server, "_externalAuths");
        Assert.Equal(["id", "collectionRef", "recordRef", "provider", "providerId", "created", "updated"], FieldNames(external));
        Assert.Equal(OwnerRule, external["deleteRule"]!.GetValue<string>());
        Assert.Equal(2, external["indexes"]!.AsArray().Count(i => i!.GetValue<string>().StartsWith("CREATE UNIQUE INDEX", StringComparison.Ordinal)));

        var origins = await GetAsync(server, "_authOrigins");
        Assert.Equal(["id", "collectionRef", "recordRef", "fingerprint", "created", "updated"], FieldNames(origins));
        Assert.Equal(OwnerRule, origins["deleteRule"]!.GetValue<string>());
        Assert.Equal(["CREATE UNIQUE INDEX `idx_authOrigins_unique_pairs` ON `_authOrigins` (`collectionRef`, `recordRef`, `fingerprint`)"],
            origins["indexes"]!.AsArray().Select(i => i!.GetValue<string>()).ToArray());
    }

    [Theory]
    [MemberData(nameof(Auxiliary))]
    public async Task Delete_AnAuxiliaryCollection_Is400AndKeepsIt(string name, string id)
    {
        await using var server = await TestServer.StartAsync(kind);

        var data = await HttpAssert.ErrorAsync(await server.Superuser.DeleteAsync("/api/collections/" + name), 400);

        Assert.Empty(data);
        Assert.NotNull(server.Core.Schema.Current.Find(id));
    }

    [Fact]
    public async Task Records_OfAnotherOwner_AreInvisible_AndSuperusersSeeAll()
    {
        await using var server = await TestServer.StartAsync(kind);
        var users = server.Core.Schema.Current.Find("users")!.Id;
        var aliceId = await AuthTestKit.InsertUserAsync(server, "alice@example.test");
        using var bob = await server.CreateUserClientAsync("bob@example.test");
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/_authOrigins/records",
            new { collectionRef = users, recordRef = aliceId, fingerprint = "f1" }), HttpStatusCode.OK);

        var asSuperuser = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/_authOrigins/records"), HttpStatusCode.OK))!;
        var asBob = (await HttpAssert.StatusAsync(await bob.GetAsync("/api/collections/_authOrigins/records"), HttpStatusCode.OK))!;

        Assert.Equal(1, asSuperuser["totalItems"]!.GetValue<int>());
        Assert.Equal(0, asBob["totalItems"]!.GetValue<int>());
        await HttpAssert.ErrorAsync(await bob.PostAsJsonAsync("/api/collections/_mfas/records",
            new { collectionRef = users, recordRef = aliceId, method = "password" }), 403);
    }

    [Fact]
    public async Task OtpPassword_IsStoredHashed()
    {
        await using var server = await TestServer.StartAsync(kind);
        var users = server.Core.Schema.Current.Find("users")!.Id;
        var userId = await AuthTestKit.InsertUserAsync(server, "alice@example.test");

        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/_otps/records",
            new { collectionRef = users, recordRef = userId, password = "12345678", sentTo = "alice@example.test" }), HttpStatusCode.OK))!;

        Assert.Null(created["password"]);
        var stored = await server.Core.Records.FindByAsync(server.Core.Schema.Current.Find("_otps")!, "id", created["id"]!.GetValue<string>(), CancellationToken.None);
        Assert.StartsWith("$argon2id$", stored!.GetString("password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnADatabaseWithoutThem_AddsThemOnce()
    {
        await using var server = await TestServer.StartAsync(kind);
        await server.Core.Database.WriteAsync(async (session, ct) =>
        {
            // What a database created before these collections existed looks like.
            foreach (var name in new[] { "_mfas", "_otps", "_externalAuths", "_authOrigins" })
            {
                await using var delete = session.Command("DELETE FROM \"_collections\" WHERE \"name\" = @name");
                delete.AddParameter("@name", name);
                await delete.ExecuteNonQueryAsync(ct);
                await using var drop = session.Command($"DROP TABLE \"{name}\"");
                await drop.ExecuteNonQueryAsync(ct);
            }

            return true;
        }, CancellationToken.None);
        var options = TestServer.Options(server.Database).Core;

        await using (var first = await SharpBaseApp.OpenAsync(options))
        {
            Assert.NotNull(first.Schema.Current.Find("_mfas"));
            Assert.NotNull(first.Schema.Current.Find("_authOrigins"));
            Assert.Equal(6, first.Schema.Current.Collections.Count);
        }

        await using var second = await SharpBaseApp.OpenAsync(options);
        Assert.Equal(6, second.Schema.Current.Collections.Count);
        Assert.True(second.Schema.Current.Find("_otps")!.System);
    }

    private static async Task<JsonObject> GetAsync(TestServer server, string name) =>
        (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/" + name), HttpStatusCode.OK))!.AsObject();

    private static string[] FieldNames(JsonObject collection) =>
        collection["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray();
}

public sealed class SqliteSystemAuthCollectionsTests() : SystemAuthCollectionsTests(DatabaseKind.Sqlite);

public sealed class PostgresSystemAuthCollectionsTests() : SystemAuthCollectionsTests(DatabaseKind.Postgres);
