using SharpBase.Core.Auth;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Tests.Storage;
using Xunit;

namespace SharpBase.Core.Tests.Auth;

/// <summary>Refresh-token lifetimes and reuse, with a controllable clock, on both databases.</summary>
public abstract class SessionServiceTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SharpBaseApp? _app;

    protected SharpBaseApp App => _app!;

    public async ValueTask InitializeAsync() => _app = await SharpBaseApp.OpenAsync(await OptionsAsync(), _clock);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<CoreOptions> OptionsAsync();

    protected abstract Task CleanUpAsync();

    [Fact]
    public async Task RefreshToken_ExpiresAfterItsLifetime()
    {
        var user = await InsertUserAsync();
        var issued = await App.Auth.Sessions.StartAsync(user, ClientInfo.None, CancellationToken.None);
        _clock.Advance(App.Auth.Sessions.Options.RefreshTokenLifetime - TimeSpan.FromMinutes(1));
        var (_, next) = await App.Auth.Sessions.RedeemAsync(user.Collection, issued.RefreshToken, CancellationToken.None);

        // The rotated token has a fresh lifetime; once it passes, it is refused.
        _clock.Advance(App.Auth.Sessions.Options.RefreshTokenLifetime + TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<UnauthorizedException>(() => App.Auth.Sessions.RedeemAsync(user.Collection, next.RefreshToken, CancellationToken.None));
        Assert.Empty(await App.Auth.Sessions.ListAsync(user, CancellationToken.None));
    }

    [Fact]
    public async Task AuthToken_ExpiresWithTheClock()
    {
        var user = await InsertUserAsync();
        var token = App.Auth.IssueAuthToken(user);
        Assert.False((await App.Auth.AuthenticateAsync(token, CancellationToken.None)).IsGuest);
        _clock.Advance(TimeSpan.FromSeconds(user.Collection.Auth!.AuthToken.Duration) + TokenService.ClockSkew + TimeSpan.FromSeconds(1));
        Assert.True((await App.Auth.AuthenticateAsync(token, CancellationToken.None)).IsGuest);
    }

    [Fact]
    public async Task Reuse_RevokesFamily_AndIsReported()
    {
        var user = await InsertUserAsync();
        SessionRow? reported = null;
        App.Auth.Sessions.ReuseDetected += s => reported = s;
        var issued = await App.Auth.Sessions.StartAsync(user, new ClientInfo("10.0.0.1", "test agent"), CancellationToken.None);
        var (_, next) = await App.Auth.Sessions.RedeemAsync(user.Collection, issued.RefreshToken, CancellationToken.None);
        await Assert.ThrowsAsync<UnauthorizedException>(() => App.Auth.Sessions.RedeemAsync(user.Collection, issued.RefreshToken, CancellationToken.None));
        Assert.Equal(issued.SessionId, reported?.Id);
        await Assert.ThrowsAsync<UnauthorizedException>(() => App.Auth.Sessions.RedeemAsync(user.Collection, next.RefreshToken, CancellationToken.None));
    }

    private async Task<RecordRow> InsertUserAsync()
    {
        var users = App.Schema.Current.Find("users")!;
        var id = Ids.NewRecordId(SecureRandomSource.Instance);
        await App.Database.WriteAsync(async (session, ct) =>
        {
            await App.Records.InsertAsync(session, users, new Dictionary<string, object?>
            {
                ["id"] = id, ["email"] = id + "@example.com", ["password"] = "x", ["tokenKey"] = App.Auth.NewTokenKey(),
                ["emailVisibility"] = false, ["verified"] = true, ["name"] = "", ["avatar"] = "", ["created"] = _clock.GetUtcNow(), ["updated"] = _clock.GetUtcNow(),
            }, ct);
            return true;
        }, CancellationToken.None);
        return (await App.Records.FindByAsync(users, "id", id, CancellationToken.None))!;
    }
}

public sealed class SqliteSessionServiceTests : SessionServiceTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb_auth_" + Guid.NewGuid().ToString("N")[..12]);

    protected override Task<CoreOptions> OptionsAsync() => Task.FromResult(new CoreOptions { DataDirectory = Path.Combine(_directory, "sb_data") });

    protected override Task CleanUpAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgresSessionServiceTests : SessionServiceTests
{
    private readonly string _name = "sb_auth_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb_auth_" + Guid.NewGuid().ToString("N")[..12]);

    protected override async Task<CoreOptions> OptionsAsync()
    {
        await TestPostgres.ExecuteAsync($"CREATE DATABASE \"{_name}\"");
        return new CoreOptions { DataDirectory = Path.Combine(_directory, "sb_data"), PostgresConnectionString = TestPostgres.ConnectionString(_name) };
    }

    protected override async Task CleanUpAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await TestPostgres.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
