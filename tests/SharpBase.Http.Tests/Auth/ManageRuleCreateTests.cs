using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>A caller who passes an auth collection's manageRule may set <c>verified</c> on create, as on update (issue 18).</summary>
public abstract class ManageRuleCreateTests(DatabaseKind kind)
{
    private const string Boss = "boss@example.test";

    [Fact]
    public async Task Create_ByAManager_MaySetVerifiedEmailAndPassword()
    {
        await using var server = await StartWithStaffAsync();
        using var boss = await server.CreateUserClientAsync(Boss);

        var created = (await HttpAssert.StatusAsync(await boss.PostAsJsonAsync("/api/collections/staff/records",
            new { email = "new@example.test", password = Password, passwordConfirm = Password, verified = true }), HttpStatusCode.OK))!;

        Assert.True(created["verified"]!.GetValue<bool>());
        Assert.Equal("new@example.test", created["email"]!.GetValue<string>());
        var signIn = await SignInAsync(server, "new@example.test", collection: "staff");
        Assert.True(signIn["record"]!["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_ByANonManagerOrGuest_WithVerified_Is400AndStoresNothing()
    {
        await using var server = await StartWithStaffAsync();
        using var other = await server.CreateUserClientAsync("other@example.test");

        var asOther = await HttpAssert.ErrorAsync(await other.PostAsJsonAsync("/api/collections/staff/records",
            new { email = "new@example.test", password = Password, passwordConfirm = Password, verified = true }), 400);
        var asGuest = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/staff/records",
            new { email = "new2@example.test", password = Password, passwordConfirm = Password, verified = true }), 400);

        Assert.Equal("validation_values_mismatch", asOther["verified"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_values_mismatch", asGuest["verified"]!["code"]!.GetValue<string>());
        var list = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/staff/records"), HttpStatusCode.OK))!;
        Assert.Equal(0, list["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_ByAManagerWhoseRuleLeansOnVerified_DoesNotManage()
    {
        // PocketBase checks the manageRule against the new record with verified unset, so the request cannot grant itself access.
        await using var server = await StartWithStaffAsync(manageRule: "verified = true");
        using var boss = await server.CreateUserClientAsync(Boss);

        var data = await HttpAssert.ErrorAsync(await boss.PostAsJsonAsync("/api/collections/staff/records",
            new { email = "new@example.test", password = Password, passwordConfirm = Password, verified = true }), 400);

        Assert.Equal("validation_values_mismatch", data["verified"]!["code"]!.GetValue<string>());
    }

    private async Task<TestServer> StartWithStaffAsync(string manageRule = $"@request.auth.email = '{Boss}'")
    {
        var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections",
            new { name = "staff", type = "auth", createRule = "", manageRule }), HttpStatusCode.OK);
        return server;
    }
}

public sealed class SqliteManageRuleCreateTests() : ManageRuleCreateTests(DatabaseKind.Sqlite);

public sealed class PostgresManageRuleCreateTests() : ManageRuleCreateTests(DatabaseKind.Postgres);
