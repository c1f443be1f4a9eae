using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>Verification, password reset and email change with single-use tokens read from the outbox.</summary>
public abstract class AccountFlowTests(DatabaseKind kind)
{
    private const string ResetLink = "/confirm-password-reset/";

    [Fact]
    public async Task PasswordReset_EndToEnd_RevokesOldTokensAndWorksOnce()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com", verified: false);
        var before = await SignInAsync(server, "a@example.com");

        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-password-reset", new { email = "a@example.com" }), HttpStatusCode.NoContent);
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-password-reset", new { email = "ghost@example.com" }), HttpStatusCode.NoContent);
        var token = await WaitForMailTokenAsync(server, "a@example.com", ResetLink);
        Assert.Equal("passwordReset", Payload(token)["type"]!.GetValue<string>());

        var mismatch = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-password-reset",
            new { token, password = "new password 123", passwordConfirm = "other password 123" }), 400);
        Assert.Equal("validation_values_mismatch", mismatch["passwordConfirm"]!["code"]!.GetValue<string>());
        var tooShort = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-password-reset",
            new { token, password = "short", passwordConfirm = "short" }), 400);
        Assert.Equal("validation_length_out_of_range", tooShort["password"]!["code"]!.GetValue<string>());
        var wrongCollection = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/_superusers/confirm-password-reset",
            new { token, password = "new password 123", passwordConfirm = "new password 123" }), 400);
        Assert.Equal("validation_token_collection_mismatch", wrongCollection["token"]!["code"]!.GetValue<string>());

        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-password-reset",
            new { token, password = "new password 123", passwordConfirm = "new password 123" }), HttpStatusCode.NoContent);

        var again = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-password-reset",
            new { token, password = "third password 123", passwordConfirm = "third password 123" }), 400);
        Assert.Equal("validation_invalid_token", again["token"]!["code"]!.GetValue<string>());

        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", before["token"]!.GetValue<string>())), 401);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-refresh-token",
            new { refreshToken = before["refreshToken"]!.GetValue<string>() }), 401);
        await HttpAssert.ErrorAsync(await LoginAsync(server, "a@example.com"), 400);
        await HttpAssert.StatusAsync(await LoginAsync(server, "a@example.com", "new password 123"), HttpStatusCode.OK);
        Assert.True((await FindUserAsync(server, id))!.GetBool("verified"));
        Assert.Single(ReadMails(server));
    }

    [Fact]
    public async Task ResetToken_TwentyParallelConfirms_SucceedOnce()
    {
        await using var server = await TestServer.StartAsync(kind);
        await InsertUserAsync(server, "a@example.com");
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-password-reset", new { email = "a@example.com" }), HttpStatusCode.NoContent);
        var token = await WaitForMailTokenAsync(server, "a@example.com", ResetLink);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => server.Guest.PostAsJsonAsync("/api/collections/users/confirm-password-reset",
            new { token, password = $"parallel password {i:00}", passwordConfirm = $"parallel password {i:00}" })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ExpiredOrForgedResetToken_IsRefused()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com");
        var user = (await FindUserAsync(server, id))!;
        var key = user.GetString("tokenKey") + user.Collection.Auth!.PasswordResetToken.Secret;
        var exp = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();
        var expired = Craft("""{"alg":"HS256","typ":"JWT"}""",
            $$"""{"collectionId":"_pb_users_auth_","email":"a@example.com","exp":{{exp}},"id":"{{id}}","type":"passwordReset"}""", key);
        var data = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-password-reset",
            new { token = expired, password = "new password 123", passwordConfirm = "new password 123" }), 400);
        Assert.Equal("validation_invalid_token", data["token"]!["code"]!.GetValue<string>());

        // Correctly signed and unexpired, but never issued (no stored hash): refused as well.
        var unissued = Craft("""{"alg":"HS256","typ":"JWT"}""",
            $$"""{"collectionId":"_pb_users_auth_","email":"a@example.com","exp":{{exp + 3600}},"id":"{{id}}","type":"passwordReset"}""", key);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-password-reset",
            new { token = unissued, password = "new password 123", passwordConfirm = "new password 123" }), 400);

        // An auth token is not a reset token.
        var authToken = (await SignInAsync(server, "a@example.com"))["token"]!.GetValue<string>();
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-password-reset",
            new { token = authToken, password = "new password 123", passwordConfirm = "new password 123" }), 400);
        await HttpAssert.StatusAsync(await LoginAsync(server, "a@example.com"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Verification_EndToEnd_Once()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "a@example.com", verified: false);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-verification", new { email = "not an email" }), 400);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/_superusers/request-verification", new { email = "a@example.com" }), 400);
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-verification", new { email = "ghost@example.com" }), HttpStatusCode.NoContent);
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-verification", new { email = "a@example.com" }), HttpStatusCode.NoContent);
        var token = await WaitForMailTokenAsync(server, "a@example.com", "/confirm-verification/");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            server.Guest.PostAsJsonAsync("/api/collections/users/confirm-verification", new { token })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.True((await FindUserAsync(server, id))!.GetBool("verified"));

        // Verified records get no more mails.
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-verification", new { email = "a@example.com" }), HttpStatusCode.NoContent);
        await Task.Delay(300);
        Assert.Single(ReadMails(server));
    }

    [Fact]
    public async Task EmailChange_EndToEnd()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, "old@example.com");
        await InsertUserAsync(server, "taken@example.com");
        var signIn = await SignInAsync(server, "old@example.com");
        var token = signIn["token"]!.GetValue<string>();

        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/request-email-change", new { newEmail = "new@example.com" }), 401);
        var taken = await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post("/api/collections/users/request-email-change", token, new { newEmail = "taken@example.com" })), 400);
        Assert.Equal("validation_invalid_new_email", taken["newEmail"]!["code"]!.GetValue<string>());
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(Post("/api/collections/users/request-email-change", token, new { newEmail = "new@example.com" })),
            HttpStatusCode.NoContent);
        var changeToken = await WaitForMailTokenAsync(server, "new@example.com", "/confirm-email-change/");

        var wrongPassword = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-email-change",
            new { token = changeToken, password = "wrong password" }), 400);
        Assert.Equal("validation_invalid_password", wrongPassword["password"]!["code"]!.GetValue<string>());
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-email-change",
            new { token = changeToken, password = AuthTestKit.Password }), HttpStatusCode.NoContent);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-email-change",
            new { token = changeToken, password = AuthTestKit.Password }), 400);

        Assert.Equal("new@example.com", (await FindUserAsync(server, id))!.GetString("email"));
        await HttpAssert.ErrorAsync(await server.Guest.SendAsync(Post("/api/collections/users/auth-refresh", token)), 401);
        await HttpAssert.ErrorAsync(await LoginAsync(server, "old@example.com"), 400);
        await HttpAssert.StatusAsync(await LoginAsync(server, "new@example.com"), HttpStatusCode.OK);
    }
}

public sealed class SqliteAccountFlowTests() : AccountFlowTests(DatabaseKind.Sqlite);

public sealed class PostgresAccountFlowTests() : AccountFlowTests(DatabaseKind.Postgres);
