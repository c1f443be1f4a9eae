using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>
/// Deleting an auth record deletes the <c>_mfas</c>, <c>_otps</c>, <c>_externalAuths</c> and <c>_authOrigins</c> rows that
/// point at it, and deleting an auth collection those that point at the collection, in the same transaction, on every
/// delete path (PocketBase's recordRefHooks). Rows of other records stay; a refused delete leaves everything.
/// </summary>
public abstract class AuthRecordCleanupTests(DatabaseKind kind)
{
    private const string Password = "cleanup password 1";

    /// <summary>The four collections whose rows point at an auth record, in the order <see cref="RowCountsAsync"/> counts them.</summary>
    private static readonly string[] ReferencingCollections = ["_mfas", "_otps", "_externalAuths", "_authOrigins"];

    private static readonly int[] OneEach = [1, 1, 1, 1];
    private static readonly int[] None = [0, 0, 0, 0];

    [Fact]
    public async Task RecordsApiDelete_DeletesTheUsersRows_AndKeepsOthers()
    {
        await using var server = await TestServer.StartAsync(kind);
        var s = await Scenario.StartAsync(server);

        await HttpAssert.StatusAsync(await server.Superuser.DeleteAsync("/api/collections/users/records/" + s.Victim), HttpStatusCode.NoContent);

        await s.AssertRowsAsync(victim: None, bystander: OneEach, member: OneEach);
    }

    [Fact]
    public async Task BatchDelete_DeletesTheUsersRows()
    {
        await using var server = await TestServer.StartAsync(kind);
        var s = await Scenario.StartAsync(server);
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new { batch = new { enabled = true } }), HttpStatusCode.OK);

        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/batch", new
        {
            requests = new[] { new { method = "DELETE", url = "/api/collections/users/records/" + s.Victim } },
        }), HttpStatusCode.OK);

        await s.AssertRowsAsync(victim: None, bystander: OneEach, member: OneEach);
    }

    [Fact]
    public async Task CascadeDelete_OfTheMembersTeam_DeletesTheMembersRows()
    {
        await using var server = await TestServer.StartAsync(kind);
        var s = await Scenario.StartAsync(server);

        await HttpAssert.StatusAsync(await server.Superuser.DeleteAsync("/api/collections/teams/records/" + s.Team), HttpStatusCode.NoContent);

        await HttpAssert.ErrorAsync(await server.Superuser.GetAsync("/api/collections/members/records/" + s.Member), 404);
        await s.AssertRowsAsync(victim: OneEach, bystander: OneEach, member: None);
    }

    [Fact]
    public async Task Truncate_OfTheAuthCollection_DeletesTheRowsOfEveryRecord()
    {
        await using var server = await TestServer.StartAsync(kind);
        var s = await Scenario.StartAsync(server);

        await HttpAssert.StatusAsync(await server.Superuser.DeleteAsync("/api/collections/users/truncate"), HttpStatusCode.NoContent);

        await s.AssertRowsAsync(victim: None, bystander: None, member: OneEach);
    }

    [Fact]
    public async Task CollectionDelete_DeletesTheRowsPointingAtTheCollection()
    {
        await using var server = await TestServer.StartAsync(kind);
        var s = await Scenario.StartAsync(server);

        await HttpAssert.StatusAsync(await server.Superuser.DeleteAsync("/api/collections/members"), HttpStatusCode.NoContent);

        await s.AssertRowsAsync(victim: OneEach, bystander: OneEach, member: None);
    }

    [Fact]
    public async Task ImportWithDeleteMissing_DeletesTheRowsPointingAtTheDroppedCollection()
    {
        await using var server = await TestServer.StartAsync(kind);
        var s = await Scenario.StartAsync(server);
        var kept = new JsonArray();
        foreach (var name in new[] { "users", "teams" })
        {
            kept.Add((await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/" + name), HttpStatusCode.OK))!.DeepClone());
        }

        await HttpAssert.StatusAsync(await server.Superuser.PutAsJsonAsync("/api/collections/import",
            new JsonObject { ["deleteMissing"] = true, ["collections"] = kept }), HttpStatusCode.NoContent);

        Assert.Null(server.Core.Schema.Current.Find("members"));
        await s.AssertRowsAsync(victim: OneEach, bystander: OneEach, member: None);
    }

    [Fact]
    public async Task RefusedDelete_OfAUserARequiredRelationPointsAt_LeavesItsRows()
    {
        await using var server = await TestServer.StartAsync(kind);
        var s = await Scenario.StartAsync(server);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts",
            fields = new object[] { new { name = "author", type = "relation", collectionId = s.UsersId, maxSelect = 1, required = true } },
        }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/posts/records", new { author = s.Victim }), HttpStatusCode.OK);

        await HttpAssert.ErrorAsync(await server.Superuser.DeleteAsync("/api/collections/users/records/" + s.Victim), 400);

        await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/users/records/" + s.Victim), HttpStatusCode.OK);
        await s.AssertRowsAsync(victim: OneEach, bystander: OneEach, member: OneEach);
    }

    [Fact]
    public async Task SuperuserDelete_DeletesTheSuperusersRows()
    {
        await using var server = await TestServer.StartAsync(kind);
        var s = await Scenario.StartAsync(server);
        var superusersId = server.Core.Schema.Current.Find("_superusers")!.Id;
        var second = await CreateAuthRecordAsync(server, "_superusers", "second-root@example.test");
        await InsertRowsAsync(server, superusersId, second, mfaId: null);
        Assert.Equal(OneEach, await RowCountsAsync(server, superusersId, second));

        await server.Core.Superusers.DeleteAsync("second-root@example.test", CancellationToken.None);

        Assert.Equal(None, await RowCountsAsync(server, superusersId, second));
        await s.AssertRowsAsync(victim: OneEach, bystander: OneEach, member: OneEach);
    }

    /// <summary>
    /// Two users and a member of a second auth collection (whose <c>team</c> relation cascades), each with one row in every
    /// referencing collection; the <c>_mfas</c> rows come from a real MFA first step.
    /// </summary>
    private sealed record Scenario(TestServer Server, string UsersId, string MembersId, string Victim, string Bystander, string Member, string Team)
    {
        public static async Task<Scenario> StartAsync(TestServer server)
        {
            // MFA needs a second method enabled (PocketBase's validation_mfa_not_enough_auths).
            var mfa = new { enabled = true, duration = 600, rule = "" };
            var otp = new { enabled = true };
            await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new { mfa, otp }), HttpStatusCode.OK);
            var teams = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
            {
                name = "teams", fields = new object[] { new { name = "title", type = "text" } },
            }), HttpStatusCode.OK))!;
            var members = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
            {
                name = "members", type = "auth", mfa, otp,
                fields = new object[] { new { name = "team", type = "relation", collectionId = teams["id"]!.GetValue<string>(), maxSelect = 1, cascadeDelete = true } },
            }), HttpStatusCode.OK))!;
            var team = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections/teams/records", new { title = "t" }), HttpStatusCode.OK))!;
            var scenario = new Scenario(server, server.Core.Schema.Current.Find("users")!.Id, members["id"]!.GetValue<string>(),
                await CreateAuthRecordAsync(server, "users", "victim@example.test"),
                await CreateAuthRecordAsync(server, "users", "bystander@example.test"),
                await CreateAuthRecordAsync(server, "members", "member@example.test", team["id"]!.GetValue<string>()),
                team["id"]!.GetValue<string>());
            await InsertRowsAsync(server, scenario.UsersId, scenario.Victim, await FirstFactorAsync(server, "users", "victim@example.test"));
            await InsertRowsAsync(server, scenario.UsersId, scenario.Bystander, await FirstFactorAsync(server, "users", "bystander@example.test"));
            await InsertRowsAsync(server, scenario.MembersId, scenario.Member, await FirstFactorAsync(server, "members", "member@example.test"));
            await scenario.AssertRowsAsync(victim: OneEach, bystander: OneEach, member: OneEach);
            return scenario;
        }

        public async Task AssertRowsAsync(int[] victim, int[] bystander, int[] member)
        {
            Assert.Equal(victim, await RowCountsAsync(Server, UsersId, Victim));
            Assert.Equal(bystander, await RowCountsAsync(Server, UsersId, Bystander));
            Assert.Equal(member, await RowCountsAsync(Server, MembersId, Member));
        }
    }

    private static async Task<string> CreateAuthRecordAsync(TestServer server, string collection, string email, string? team = null)
    {
        var body = new JsonObject { ["email"] = email, ["password"] = Password, ["passwordConfirm"] = Password, ["verified"] = true };
        if (team is not null)
        {
            body["team"] = team;
        }

        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync($"/api/collections/{collection}/records", body), HttpStatusCode.OK))!;
        return created["id"]!.GetValue<string>();
    }

    /// <summary>The MFA first step: a right password on a collection with MFA on is 401 with the id of a new <c>_mfas</c> row.</summary>
    private static async Task<string> FirstFactorAsync(TestServer server, string collection, string email)
    {
        var response = await server.Guest.PostAsJsonAsync($"/api/collections/{collection}/auth-with-password", new { identity = email, password = Password });
        return (await HttpAssert.StatusAsync(response, HttpStatusCode.Unauthorized))!["mfaId"]!.GetValue<string>();
    }

    /// <summary>Inserts, as a superuser, one row per referencing collection (an <c>_mfas</c> one unless the first step made it).</summary>
    private static async Task InsertRowsAsync(TestServer server, string collectionRef, string recordRef, string? mfaId)
    {
        var rows = new List<(string Collection, object Body)>
        {
            ("_otps", new { collectionRef, recordRef, password = "123456" }),
            ("_externalAuths", new { collectionRef, recordRef, provider = "google", providerId = "g-" + recordRef }),
            ("_authOrigins", new { collectionRef, recordRef, fingerprint = "fp-" + recordRef }),
        };
        if (mfaId is null)
        {
            rows.Add(("_mfas", new { collectionRef, recordRef, method = "password" }));
        }

        foreach (var (collection, body) in rows)
        {
            await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync($"/api/collections/{collection}/records", body), HttpStatusCode.OK);
        }
    }

    private static async Task<int[]> RowCountsAsync(TestServer server, string collectionRef, string recordRef)
    {
        var filter = Uri.EscapeDataString($"collectionRef = '{collectionRef}' && recordRef = '{recordRef}'");
        var counts = new List<int>();
        foreach (var collection in ReferencingCollections)
        {
            var list = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync($"/api/collections/{collection}/records?filter={filter}"), HttpStatusCode.OK))!;
            counts.Add(list["totalItems"]!.GetValue<int>());
        }

        return [.. counts];
    }
}

public sealed class SqliteAuthRecordCleanupTests() : AuthRecordCleanupTests(DatabaseKind.Sqlite);

public sealed class PostgresAuthRecordCleanupTests() : AuthRecordCleanupTests(DatabaseKind.Postgres);
