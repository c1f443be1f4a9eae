using Microsoft.Extensions.DependencyInjection;
using System.Net;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Settings;

public abstract class SettingsTests(DatabaseKind kind)
{
    [Fact]
    public async Task Get_ReturnsDefaultsInPocketBaseShape()
    {
        await using var server = await TestServer.StartAsync(kind);
        var settings = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/settings"), HttpStatusCode.OK))!;
        Assert.Equal("Acme", settings["meta"]!["appName"]!.GetValue<string>());
        Assert.Equal("http://localhost:8090", settings["meta"]!["appURL"]!.GetValue<string>());
        Assert.False(settings["batch"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(50, settings["batch"]!["maxRequests"]!.GetValue<int>());
        Assert.Equal(3, settings["batch"]!["timeout"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_MergesAndPersistsAcrossRestart()
    {
        var database = await TestDatabase.CreateAsync(kind);
        var options = TestServer.Options(database);
        await using (var app = await SharpBase.Http.Hosting.SharpBaseHost.CreateAsync(options))
        {
            await app.Services.GetService<SharpBase.Core.Settings.SettingsService>()!
                .PatchAsync(new System.Text.Json.Nodes.JsonObject { ["meta"] = new System.Text.Json.Nodes.JsonObject { ["appName"] = "Kept" } }, CancellationToken.None);
        }

        await using (var core = await SharpBase.Core.SharpBaseApp.OpenAsync(options.Core))
        {
            Assert.Equal("Kept", core.Settings.Current.Meta.AppName);
            Assert.Equal("http://localhost:8090", core.Settings.Current.Meta.AppURL);
        }

        await database.DisposeAsync();
    }

    [Fact]
    public async Task Patch_OverHttp_ReturnsNewSettings()
    {
        await using var server = await TestServer.StartAsync(kind);
        var updated = (await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new
        {
            meta = new { appName = "Shop" },
            batch = new { enabled = true, maxRequests = 10 },
        }), HttpStatusCode.OK))!;
        Assert.Equal("Shop", updated["meta"]!["appName"]!.GetValue<string>());
        Assert.Equal("support@example.com", updated["meta"]!["senderAddress"]!.GetValue<string>());
        Assert.True(updated["batch"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(10, updated["batch"]!["maxRequests"]!.GetValue<int>());
        var again = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/settings"), HttpStatusCode.OK))!;
        Assert.Equal("Shop", again["meta"]!["appName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ParallelPatches_OfDifferentSections_AreAllKept()
    {
        await using var server = await TestServer.StartAsync(kind);
        var patches = new object[]
        {
            new { meta = new { appName = "Parallel" } },
            new { meta = new { senderName = "Sender" } },
            new { batch = new { maxRequests = 7 } },
            new { smtp = new { host = "mail.example.com" } },
        };
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => server.Superuser.PatchAsJsonAsync("/api/settings", patches[i % patches.Length])));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var settings = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/settings"), HttpStatusCode.OK))!;
        Assert.Equal("Parallel", settings["meta"]!["appName"]!.GetValue<string>());
        Assert.Equal("Sender", settings["meta"]!["senderName"]!.GetValue<string>());
        Assert.Equal(7, settings["batch"]!["maxRequests"]!.GetValue<int>());
        Assert.Equal("mail.example.com", settings["smtp"]!["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_InvalidValues_Gets400WithEveryErrorAndChangesNothing()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new
        {
            meta = new { appName = "", appURL = "not a url", senderAddress = "nope" },
            batch = new { maxRequests = -1 },
        }), 400);
        Assert.Equal("validation_required", data["meta"]!["appName"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_is_url", data["meta"]!["appURL"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_is_email", data["meta"]!["senderAddress"]!["code"]!.GetValue<string>());
        Assert.NotNull(data["batch"]!["maxRequests"]);
        Assert.Equal("Acme", server.Core.Settings.Current.Meta.AppName);
    }

    [Fact]
    public async Task Patch_WrongJsonType_Gets400()
    {
        await using var server = await TestServer.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new { batch = new { enabled = "yes" } }), 400);
        Assert.NotNull(data["batch"]);
    }

    [Fact]
    public async Task GuestsAndUsers_AreRefused()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.ErrorAsync(await server.Guest.GetAsync("/api/settings"), 401);
        using var user = await server.CreateUserClientAsync("bob@example.com");
        await HttpAssert.ErrorAsync(await user.PatchAsJsonAsync("/api/settings", new { meta = new { appName = "x" } }), 403);
        Assert.Equal("Acme", server.Core.Settings.Current.Meta.AppName);
    }
}

public sealed class SqliteSettingsTests() : SettingsTests(DatabaseKind.Sqlite);

public sealed class PostgresSettingsTests() : SettingsTests(DatabaseKind.Postgres);
