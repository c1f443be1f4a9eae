using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;
using static SharpBase.Http.Tests.Auth.AuthTestKit;

namespace SharpBase.Http.Tests.Auth;

/// <summary>
/// Sign-in by any identity field follows that field's unique index: a <c>COLLATE NOCASE</c> index makes it case-insensitive,
/// a plain one exact (PocketBase's "case sensitivity checks" scenarios, issue 18).
/// </summary>
public abstract class IdentityCollationTests(DatabaseKind kind)
{
    [Theory]
    [InlineData(true, "username")]
    [InlineData(true, "")]
    [InlineData(false, "username")]
    public async Task UsernameSignIn_FollowsTheIndexCollation(bool noCase, string identityField)
    {
        await using var server = await TestServer.StartAsync(kind);
        var index = $"CREATE UNIQUE INDEX `idx_clients_username` ON `clients` (`username`{(noCase ? " COLLATE NOCASE" : "")})";
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "clients", type = "auth", createRule = "",
            fields = new object[] { new { name = "username", type = "text", required = true } },
            indexes = new[] { index },
            passwordAuth = new { enabled = true, identityFields = new[] { "email", "username" } },
        }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/clients/records",
            new { email = "c@example.test", username = "Clients57772", password = Password, passwordConfirm = Password }), HttpStatusCode.OK);

        var response = await server.Guest.PostAsJsonAsync("/api/collections/clients/auth-with-password",
            new { identity = "clients57772", password = Password, identityField });

        await HttpAssert.StatusAsync(response, noCase ? HttpStatusCode.OK : HttpStatusCode.BadRequest);
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/clients/auth-with-password",
            new { identity = "Clients57772", password = Password, identityField }), HttpStatusCode.OK);
    }
}

public sealed class SqliteIdentityCollationTests() : IdentityCollationTests(DatabaseKind.Sqlite);

public sealed class PostgresIdentityCollationTests() : IdentityCollationTests(DatabaseKind.Postgres);
