using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Cli;

public sealed class CliTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("serve", "--help")]
    [InlineData("superuser", "--help")]
    [InlineData("superuser", "upsert", "--help")]
    [InlineData("migrate", "--help")]
    [InlineData("migrate", "up", "--help")]
    [InlineData("import", "--help")]
    [InlineData("import", "pocketbase", "--help")]
    public async Task Help_OnEveryVerb_ShowsUsage(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains("--dir", result.Output, StringComparison.Ordinal);
        Assert.Contains("--db", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("superuser")]
    [InlineData("migrate")]
    [InlineData("import")]
    public async Task Help_OfTopVerbs_HasExamples(string verb)
    {
        var result = await CliRunner.RunAsync(verb, "--help");
        Assert.Contains("Examples:", result.Output, StringComparison.Ordinal);
        Assert.Contains("sharpbase " + verb, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve", "--nope")]
    [InlineData("bogus")]
    [InlineData("superuser", "upsert", "only-email@example.com")]
    [InlineData("migrate", "down", "0")]
    [InlineData("import", "pocketbase")]
    public async Task BadArguments_PrintOneLine_AndExitNonZero(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("migrate", "status")]
    [InlineData("superuser", "delete", "a@b.c")]
    public async Task UnreachablePostgres_PrintsOneLineWithoutPassword_AndExits1(params string[] verb)
    {
        var result = await CliRunner.RunAsync([.. verb, "--db", "Host=127.0.0.1;Port=1;Username=u;Password=hunter2secret;Database=d;Timeout=2"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("PostgreSQL", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedConnectionString_PrintsOneLine()
    {
        var result = await CliRunner.RunAsync("migrate", "status", "--db", "this is not=a;valid;;connection string=");
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task EnvironmentVariable_SetsTheDataFolder_FlagWins()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var other = Path.Combine(Path.GetDirectoryName(database.Directory)!, "other");
        Environment.SetEnvironmentVariable("SHARPBASE_DIR", other);
        try
        {
            Assert.Equal(0, (await CliRunner.RunAsync("superuser", "upsert", "env@example.com", "long enough pw")).ExitCode);
            Assert.True(File.Exists(Path.Combine(other, "data.db")));
            Assert.Equal(0, (await CliRunner.RunAsync("superuser", "upsert", "flag@example.com", "long enough pw", "--dir", database.Directory)).ExitCode);
            Assert.True(File.Exists(Path.Combine(database.Directory, "data.db")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SHARPBASE_DIR", null);
        }
    }

    [Theory]
    [InlineData("SHARPBASE_LOGINTHROTTLE__MAXDELAY", "soon", "LoginThrottle:MaxDelay")]
    [InlineData("SHARPBASE_SESSIONS__REFRESHTOKENLIFETIME", "00:00:00", "Sessions:RefreshTokenLifetime must be positive")]
    public async Task BadSectionValueFromTheEnvironment_PrintsOneLine(string variable, string value, string expected)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sharpbase-http-tests", Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            var result = await CliRunner.RunAsync("serve", "--http", "127.0.0.1:0", "--dir", dir);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
            Assert.Single(result.Error.Trim().Split('\n'));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task BadHttpAddress_PrintsOneLine()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sharpbase-http-tests", Guid.NewGuid().ToString("N"));
        var result = await CliRunner.RunAsync("serve", "--http", "nowhere", "--dir", dir);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--http", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}

public abstract class CliSuperuserTests(DatabaseKind kind)
{
    [Fact]
    public async Task Upsert_CreatesThenUpdates_DeleteRefusesTheLast()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var flags = CliRunner.For(database);
        var created = await CliRunner.RunAsync(["superuser", "upsert", "a@example.com", "password one", .. flags]);
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Created", created.Output, StringComparison.Ordinal);
        var updated = await CliRunner.RunAsync(["superuser", "upsert", "a@example.com", "password two", .. flags]);
        Assert.Contains("Updated", updated.Output, StringComparison.Ordinal);

        var last = await CliRunner.RunAsync(["superuser", "delete", "a@example.com", .. flags]);
        Assert.Equal(1, last.ExitCode);
        Assert.Contains("last superuser", last.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRunner.RunAsync(["superuser", "upsert", "b@example.com", "password three", .. flags])).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(["superuser", "delete", "a@example.com", .. flags])).ExitCode);
        var missing = await CliRunner.RunAsync(["superuser", "delete", "a@example.com", .. flags]);
        Assert.Equal(1, missing.ExitCode);
    }

    [Theory]
    [InlineData("not-an-email", "long enough password")]
    [InlineData("a@example.com", "short")]
    public async Task Upsert_InvalidInput_Exits1WithReason(string email, string password)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var result = await CliRunner.RunAsync(["superuser", "upsert", email, password, .. CliRunner.For(database)]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("validation_", result.Error, StringComparison.Ordinal);
    }
}

public sealed class SqliteCliSuperuserTests() : CliSuperuserTests(DatabaseKind.Sqlite);

public sealed class PostgresCliSuperuserTests() : CliSuperuserTests(DatabaseKind.Postgres);
