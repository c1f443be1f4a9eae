using System.Net;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>The SMTP settings section: PocketBase's shape, a write-only password, validation.</summary>
public abstract class SmtpSettingsTests(DatabaseKind kind)
{
    [Fact]
    public async Task SmtpPassword_IsWriteOnly()
    {
        await using var server = await TestServer.StartAsync(kind);
        var patch = new { smtp = new { enabled = true, host = "mail.example.com", port = 465, username = "u", password = "s3cret-smtp", tls = true } };
        var updated = (await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", patch), HttpStatusCode.OK))!;
        Assert.False(updated["smtp"]!.AsObject().ContainsKey("password"));
        Assert.Equal("mail.example.com", updated["smtp"]!["host"]!.GetValue<string>());
        Assert.Equal("s3cret-smtp", server.Core.Settings.Current.Smtp.Password);

        // Sending back what GET returned (which has no password) keeps the stored one.
        var got = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/settings"), HttpStatusCode.OK))!;
        Assert.DoesNotContain("s3cret-smtp", got.ToJsonString(), StringComparison.Ordinal);
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new JsonObject { ["smtp"] = got["smtp"]!.DeepClone() }), HttpStatusCode.OK);
        Assert.Equal("s3cret-smtp", server.Core.Settings.Current.Smtp.Password);

        var data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new { smtp = new { enabled = true, host = "", port = 0 } }), 400);
        Assert.Equal("validation_required", data["smtp"]!["host"]!["code"]!.GetValue<string>());
    }
}

public sealed class SqliteSmtpSettingsTests() : SmtpSettingsTests(DatabaseKind.Sqlite);

public sealed class PostgresSmtpSettingsTests() : SmtpSettingsTests(DatabaseKind.Postgres);
