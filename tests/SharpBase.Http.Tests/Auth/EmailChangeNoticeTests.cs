using System.Net;
using System.Net.Http.Json;
using SharpBase.Core.Mail;
using SharpBase.Http.Tests.Infrastructure;
using SharpBase.Http.Tests.Records;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>
/// After a confirmed email change the old address gets a notice, so an owner whose account was taken over hears of it; the
/// notice carries no token or link with one, and a failing mailer does not undo the change.
/// </summary>
public abstract class EmailChangeNoticeTests(DatabaseKind kind)
{
    private const string OldEmail = "old@example.com";
    private const string NewEmail = "new@example.com";
    private const string JwtPattern = @"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*";

    [Fact]
    public async Task ConfirmEmailChange_MailsTheOldAddressANoticeWithoutAToken()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, OldEmail);
        var (authToken, changeToken) = await RequestChangeAsync(server);

        await ConfirmAsync(server, changeToken);

        var notice = await WaitForMailAsync(server, OldEmail);
        Assert.Contains("email address was changed", notice, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(changeToken, notice, StringComparison.Ordinal);
        Assert.DoesNotContain(authToken, notice, StringComparison.Ordinal);
        Assert.DoesNotMatch(JwtPattern, notice);
        Assert.DoesNotContain("/confirm-", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(NewEmail, notice, StringComparison.Ordinal);
        Assert.Equal(NewEmail, (await FindUserAsync(server, id))!.GetString("email"));
    }

    [Fact]
    public async Task ConfirmEmailChange_Succeeds_WhenTheNoticeCannotBeSent()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, OldEmail);
        var (_, changeToken) = await RequestChangeAsync(server);
        var failing = new FailingMailSender();
        server.Core.Mail.Sender = failing;

        await ConfirmAsync(server, changeToken);

        Assert.Equal(NewEmail, (await FindUserAsync(server, id))!.GetString("email"));
        await failing.Attempted.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await HttpAssert.StatusAsync(await LoginAsync(server, NewEmail), HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheNoticeTemplate_IsConfigurable_AndNeverGetsAToken()
    {
        await using var server = await TestServer.StartAsync(kind);
        var id = await InsertUserAsync(server, OldEmail);
        var updated = await RecordsScenario.Ok(await server.Superuser.PatchAsJsonAsync("/api/collections/users", new
        {
            emailChangeNoticeTemplate = new { subject = "Heads up from {APP_NAME}", body = "<p>Account {RECORD:id} of {RECORD:email} moved. {TOKEN}</p>" },
        }));
        Assert.Equal("Heads up from {APP_NAME}", updated["emailChangeNoticeTemplate"]!["subject"]!.GetValue<string>());
        var (_, changeToken) = await RequestChangeAsync(server);

        await ConfirmAsync(server, changeToken);

        var notice = await WaitForMailAsync(server, OldEmail);
        Assert.Contains("Subject: Heads up from ", notice, StringComparison.Ordinal);
        Assert.Contains($"Account {id} of {OldEmail} moved. {{TOKEN}}", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(changeToken, notice, StringComparison.Ordinal);
        Assert.DoesNotMatch(JwtPattern, notice);
    }

    private static async Task<(string AuthToken, string ChangeToken)> RequestChangeAsync(TestServer server)
    {
        var authToken = (await SignInAsync(server, OldEmail))["token"]!.GetValue<string>();
        await HttpAssert.StatusAsync(await server.Guest.SendAsync(
            Post("/api/collections/users/request-email-change", authToken, new { newEmail = NewEmail })), HttpStatusCode.NoContent);
        return (authToken, await WaitForMailTokenAsync(server, NewEmail, "/confirm-email-change/"));
    }

    private static async Task ConfirmAsync(TestServer server, string changeToken) =>
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/confirm-email-change",
            new { token = changeToken, password = Password }), HttpStatusCode.NoContent);

    private sealed class FailingMailSender : IMailSender
    {
        public TaskCompletionSource Attempted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken)
        {
            Attempted.TrySetResult();
            throw new IOException("The SMTP server is down.");
        }
    }
}

public sealed class SqliteEmailChangeNoticeTests() : EmailChangeNoticeTests(DatabaseKind.Sqlite);

public sealed class PostgresEmailChangeNoticeTests() : EmailChangeNoticeTests(DatabaseKind.Postgres);
