using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Records;

/// <summary>
/// Issue 18: records API errors on auth collections come in PocketBase's order and set. Its record upsert form checks
/// password, passwordConfirm, oldPassword and the verified/email permissions first and reports only those when they fail;
/// the record's fields are checked after. Scenarios from PocketBase's apis/record_crud_test.go (create and update).
/// </summary>
public abstract class AuthRecordFormTests(DatabaseKind kind)
{
    private static async Task<TestServer> StartAsync(DatabaseKind kind)
    {
        var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "members",
            type = "auth",
            createRule = "",
            updateRule = "id = @request.auth.id",
            fields = new object[] { new { name = "rel", type = "relation", collectionId = "_pb_users_auth_", maxSelect = 1 } },
        }), HttpStatusCode.OK);
        return server;
    }

    private static string[] Keys(JsonObject data) => data.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Create_EmptyBody_GetsPasswordAndPasswordConfirmRequiredOnly()
    {
        await using var server = await StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/members/records", new { }), 400);
        Assert.Equal(["password", "passwordConfirm"], Keys(data));
        Assert.Equal("validation_required", data["password"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_required", data["passwordConfirm"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_MismatchedConfirmation_GetsOnlyTheMismatch_NotTheFieldErrors()
    {
        await using var server = await StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections/members/records", new
        {
            password = "1234567", passwordConfirm = "1234560", email = "invalid", rel = "invalid",
        }), 400);
        Assert.Equal(["passwordConfirm"], Keys(data));
        Assert.Equal("validation_values_mismatch", data["passwordConfirm"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ValidFormButInvalidFields_GetsTheFieldErrors()
    {
        await using var server = await StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PostAsJsonAsync("/api/collections/members/records", new
        {
            password = "1234567", passwordConfirm = "1234567", rel = "invalid",
        }), 400);
        Assert.NotNull(data["rel"]?["code"]);
        Assert.NotNull(data["password"]?["code"]);
        Assert.Null(data["passwordConfirm"]);
    }

    [Fact]
    public async Task Create_VerifiedByGuest_GetsOnlyVerified()
    {
        await using var server = await StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/members/records", new
        {
            password = "12345678", passwordConfirm = "12345678", verified = true,
        }), 400);

        // Without the form stage SharpBase also reported the missing email; PocketBase stops at the verified error.
        Assert.Equal(["verified"], Keys(data));
        Assert.Equal(0, await server.Core.Database.ReadAsync((session, ct) =>
            server.Core.Records.CountAsync(session, server.Core.Schema.Current.Find("members")!, ct), CancellationToken.None));
    }

    [Fact]
    public async Task Update_PasswordWithoutConfirmOrOldPassword_GetsRequiredForBoth()
    {
        await using var server = await StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/members/records",
            new { email = "m@example.test", password = "member password", passwordConfirm = "member password" }), HttpStatusCode.OK);
        var login = (await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/members/auth-with-password",
            new { identity = "m@example.test", password = "member password" }), HttpStatusCode.OK))!;
        using var member = new HttpClient { BaseAddress = server.Address };
        member.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", login["token"]!.GetValue<string>());
        var url = "/api/collections/members/records/" + login["record"]!["id"]!.GetValue<string>();

        var data = await HttpAssert.ErrorAsync(await member.PatchAsJsonAsync(url, new { password = "new password 1", rel = "invalid" }), 400);
        Assert.Equal(["oldPassword", "passwordConfirm"], Keys(data));
        Assert.Equal("validation_required", data["oldPassword"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_required", data["passwordConfirm"]!["code"]!.GetValue<string>());

        var wrongOld = await HttpAssert.ErrorAsync(await member.PatchAsJsonAsync(url,
            new { oldPassword = "wrong password", password = "new password 1", passwordConfirm = "new password 1" }), 400);
        Assert.Equal(["oldPassword"], Keys(wrongOld));
        Assert.Equal("validation_invalid_old_password", wrongOld["oldPassword"]!["code"]!.GetValue<string>());

        var confirmOnly = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync(url, new { passwordConfirm = "new password 1" }), 400);
        Assert.Equal(["password", "passwordConfirm"], Keys(confirmOnly));
        Assert.Equal("validation_required", confirmOnly["password"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_values_mismatch", confirmOnly["passwordConfirm"]!["code"]!.GetValue<string>());
    }
}

public sealed class SqliteAuthRecordFormTests() : AuthRecordFormTests(DatabaseKind.Sqlite);

public sealed class PostgresAuthRecordFormTests() : AuthRecordFormTests(DatabaseKind.Postgres);
