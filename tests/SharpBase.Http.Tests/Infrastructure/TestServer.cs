using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharpBase.Core;
using SharpBase.Http.Hosting;

namespace SharpBase.Http.Tests.Infrastructure;

/// <summary>The real SharpBase host on 127.0.0.1 with a fresh database, a superuser, and clients for both roles.</summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string SuperuserEmail = "root@example.com";
    public const string SuperuserPassword = "correct horse battery";

    private readonly TestDatabase _database;

    private TestServer(TestDatabase database, WebApplication app, Uri address, string superuserToken)
    {
        _database = database;
        App = app;
        Guest = new HttpClient { BaseAddress = address };
        Superuser = new HttpClient { BaseAddress = address };
        Superuser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", superuserToken);
        SuperuserToken = superuserToken;
    }

    public WebApplication App { get; }

    public SharpBaseApp Core => App.Services.GetRequiredService<SharpBaseApp>();

    public TestDatabase Database => _database;

    /// <summary>A client with no token.</summary>
    public HttpClient Guest { get; }

    /// <summary>A client signed in as the superuser.</summary>
    public HttpClient Superuser { get; }

    public string SuperuserToken { get; }

    public Uri Address => Guest.BaseAddress!;

    public static async Task<TestServer> StartAsync(DatabaseKind kind, Action<ServerOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        await StartOnAsync(await TestDatabase.CreateAsync(kind), configure, services);

    /// <summary>Starts the host on a database prepared beforehand (e.g. by a CLI verb); the server disposes it.</summary>
    public static async Task<TestServer> StartOnAsync(TestDatabase database, Action<ServerOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var options = Options(database);
        configure?.Invoke(options);
        var app = await SharpBaseHost.CreateAsync(options, builder =>
        {
            builder.Logging.ClearProviders();
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await app.Services.GetRequiredService<SharpBaseApp>().Superusers.UpsertAsync(SuperuserEmail, SuperuserPassword, CancellationToken.None);
        using var login = new HttpClient { BaseAddress = address };
        var response = await login.PostAsJsonAsync("/api/collections/_superusers/auth-with-password", new { identity = SuperuserEmail, password = SuperuserPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        return new TestServer(database, app, address, token);
    }

    /// <summary>The options a server on this test database uses (for the CLI and a second server on the same data).</summary>
    public static ServerOptions Options(TestDatabase database) => new()
    {
        Http = "127.0.0.1:0",
        Core = new CoreOptions { DataDirectory = database.Directory, PostgresConnectionString = database.ConnectionString },
    };

    /// <summary>Creates a record in the default <c>users</c> collection and returns a client signed in as it.</summary>
    public async Task<HttpClient> CreateUserClientAsync(string email, string password = "user password 1")
    {
        var core = Core;
        var users = core.Schema.Current.Find("users")!;
        var now = DateTimeOffset.UtcNow;
        await core.Database.WriteAsync(async (session, ct) =>
        {
            await core.Records.InsertAsync(session, users, new Dictionary<string, object?>
            {
                ["id"] = SharpBase.Core.Common.Ids.NewRecordId(SharpBase.Core.Common.SecureRandomSource.Instance),
                ["email"] = email,
                ["password"] = core.Passwords.Hash(password),
                ["tokenKey"] = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                ["emailVisibility"] = false,
                ["verified"] = true,
                ["name"] = "",
                ["avatar"] = "",
                ["created"] = now,
                ["updated"] = now,
            }, ct);
            return true;
        }, CancellationToken.None);
        var response = await Guest.PostAsJsonAsync("/api/collections/users/auth-with-password", new { identity = email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Guest.Dispose();
        Superuser.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
