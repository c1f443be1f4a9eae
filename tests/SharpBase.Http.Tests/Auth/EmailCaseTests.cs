using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Records;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Http.Tests.Records;
using SharpBase.Storage.Catalog;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>
/// A new auth collection's email index is case-insensitive, so one address is one account however it is typed, and every
/// lookup by email follows the index; an explicit case-sensitive index, or an existing collection's index, is kept as written.
/// </summary>
public abstract class EmailCaseTests(DatabaseKind kind)
{
    private const string Stored = "h-x@example.test";
    private const string Shouted = "H-X@EXAMPLE.TEST";
    private const string CaseSensitiveIndex = "CREATE UNIQUE INDEX `idx_email_members` ON `members` (`email`) WHERE `email` != ''";

    [Fact]
    public async Task SignUp_WithADifferentlyCasedTakenEmail_Is400NotUnique()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, Stored);

        var data = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/records",
            new { email = Shouted, password = Password, passwordConfirm = Password }), 400);

        Assert.Equal("validation_not_unique", data["email"]!["code"]!.GetValue<string>());
        var list = await RecordsScenario.Ok(await server.Superuser.GetAsync("/api/collections/users/records"));
        Assert.Equal(1, list["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task AuthWithPassword_MatchesTheEmailRegardlessOfCase()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, Stored);

        var signIn = await SignInAsync(server, "H-x@Example.TEST");

        Assert.Equal(id, signIn["record"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RequestPasswordResetAndVerification_WithADifferentCase_SendTheMails()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, Stored, verified: false);

        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-password-reset", new { email = Shouted }),
            HttpStatusCode.NoContent);
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-verification", new { email = Shouted }),
            HttpStatusCode.NoContent);

        var reset = await WaitForMailTokenAsync(server, Stored, "/confirm-password-reset/");
        var verification = await WaitForMailTokenAsync(server, Stored, "/confirm-verification/");
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-verification", new { token = verification }),
            HttpStatusCode.NoContent);
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-password-reset",
            new { token = reset, password = "new password 123", passwordConfirm = "new password 123" }), HttpStatusCode.NoContent);
        Assert.All(ReadMails(server), mail => Assert.StartsWith("To: " + Stored, mail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewAuthCollection_GetsACaseInsensitiveEmailIndex()
    {
        await using var server = await TestServer.StartAsync(kind);
        var created = await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "members", type = "auth" }));

        var indexes = created["indexes"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();

        Assert.Contains(indexes, i => i.Contains("(`email` COLLATE NOCASE)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnExplicitCaseSensitiveEmailIndex_AllowsBothCases_AndSignInIsExact()
    {
        await using var server = await TestServer.StartAsync(kind);
        await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections",
            new { name = "members", type = "auth", createRule = "", indexes = new[] { CaseSensitiveIndex } }));

        var lower = await CreateMemberAsync(server, Stored);
        var upper = await CreateMemberAsync(server, Shouted);

        Assert.Equal(upper, (await SignInAsync(server, Shouted, collection: "members"))["record"]!["id"]!.GetValue<string>());
        Assert.Equal(lower, (await SignInAsync(server, Stored, collection: "members"))["record"]!["id"]!.GetValue<string>());
        await HttpAssert.ErrorAsync(await LoginAsync(server, "H-x@Example.TEST", collection: "members"), 400);
    }

    [Fact]
    public async Task AnExistingCollectionsIndex_IsNotRewrittenByAnUpdate()
    {
        await using var server = await TestServer.StartAsync(kind);
        await RecordsScenario.Ok(await server.Superuser.PostAsJsonAsync("/api/collections",
            new { name = "members", type = "auth", createRule = "", indexes = new[] { CaseSensitiveIndex } }));

        var updated = await RecordsScenario.Ok(await server.Superuser.PatchAsJsonAsync("/api/collections/members", new { listRule = "" }));

        Assert.Contains(CaseSensitiveIndex, updated["indexes"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.DoesNotContain(updated["indexes"]!.AsArray(), i => i!.GetValue<string>().Contains("NOCASE", StringComparison.Ordinal));
        await CreateMemberAsync(server, Stored);
        await CreateMemberAsync(server, Shouted);
    }

    [Fact]
    public async Task EmailChange_RefusesANewEmailThatDiffersOnlyByCaseFromAnotherAccount()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "old@example.com");
        await InsertUserAsync(server, "taken@example.com");
        var token = (await SignInAsync(server, "old@example.com"))["token"]!.GetValue<string>();

        var taken = await HttpAssert.ErrorAsync(await server.Guest.SendAsync(
            Post("/api/collections/users/request-email-change", token, new { newEmail = "TAKEN@example.com" })), 400);
        Assert.Equal("validation_invalid_new_email", taken["newEmail"]!["code"]!.GetValue<string>());

        // The address is free when asked for, then someone takes it in another case before the confirmation.
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(
            Post("/api/collections/users/request-email-change", token, new { newEmail = "new@example.com" })), HttpStatusCode.NoContent);
        var changeToken = await WaitForMailTokenAsync(server, "new@example.com", "/confirm-email-change/");
        await InsertUserAsync(server, "NEW@EXAMPLE.COM");
        var confirm = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-email-change",
            new { token = changeToken, password = Password }), 400);
        Assert.Equal("validation_invalid_token_email", confirm["token"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmailChange_ToTheSameAddressInAnotherCase_IsAllowed()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "old@example.com");
        var token = (await SignInAsync(server, "old@example.com"))["token"]!.GetValue<string>();

        await HttpAssert.StatusAsync(await server.Guest.SendAsync(
            Post("/api/collections/users/request-email-change", token, new { newEmail = "Old@Example.com" })), HttpStatusCode.NoContent);
        var changeToken = await WaitForMailTokenAsync(server, "Old@Example.com", "/confirm-email-change/");
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-email-change",
            new { token = changeToken, password = Password }), HttpStatusCode.NoContent);

        Assert.Equal("Old@Example.com", (await FindUserAsync(server, id))!.GetString("email"));
    }

    [Fact]
    public async Task TheEmailLookup_IsAnsweredFromTheEmailIndex()
    {
        await using var server = await TestServer.StartAsync(kind);
        var core = server.Core;
        var users = core.Schema.Current.Find("users")!;
        var condition = RecordStore.MatchCondition(core.Database.Dialect, users, "email", Shouted);

        var plan = await core.Database.ReadAsync(async (session, ct) =>
        {
            if (kind == DatabaseKind.Postgres)
            {
                // The table is tiny, so without this the planner rightly prefers a scan; the point is that it can use the index.
                await using var off = session.Command("SET enable_seqscan = off");
                await off.ExecuteNonQueryAsync(ct);
            }

            await using var explain = session.Command((kind == DatabaseKind.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") +
                                                      $"SELECT \"id\" FROM \"users\" WHERE {condition}");
            explain.AddParameter("@value", Shouted);
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                lines.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture)!);
            }

            return string.Join('\n', lines);
        }, CancellationToken.None);

        Assert.Contains("idx_email_", plan, StringComparison.Ordinal);
    }

    private static async Task<string> CreateMemberAsync(TestServer server, string email)
    {
        var created = await RecordsScenario.Ok(await server.Guest.PostAsJsonAsync("/api/collections/members/records",
            new { email, password = Password, passwordConfirm = Password }));
        return created["id"]!.GetValue<string>();
    }
}

public sealed class SqliteEmailCaseTests() : EmailCaseTests(DatabaseKind.Sqlite);

public sealed class PostgresEmailCaseTests() : EmailCaseTests(DatabaseKind.Postgres);
