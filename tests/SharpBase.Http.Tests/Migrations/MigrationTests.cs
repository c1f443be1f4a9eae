using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Migrations;

public abstract class MigrationTests(DatabaseKind kind)
{
    private static string MigrationsOf(TestServer server) => server.Core.MigrationFiles.Path;

    private static async Task<JsonNode> CreatePostsAndChangeThemAsync(TestServer server)
    {
        var created = (await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "posts",
            fields = new object[] { new { name = "title", type = "text" }, new { name = "body", type = "text" } },
        }), HttpStatusCode.OK))!;
        var fields = new JsonArray(created["fields"]!.AsArray().Where(f => f!["name"]!.GetValue<string>() != "body").Select(f => f!.DeepClone()).ToArray());
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsync("/api/collections/posts", JsonContent.Create(new JsonObject { ["fields"] = fields })), HttpStatusCode.OK);
        return created;
    }

    [Fact]
    public async Task ApiChanges_WriteMigrationFiles_WithBeforeAfterAndDestructiveSteps()
    {
        await using var server = await TestServer.StartAsync(kind);
        await CreatePostsAndChangeThemAsync(server);

        var files = Directory.GetFiles(MigrationsOf(server), "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, files.Length);
        Assert.Matches(@"^\d+_created_posts\.json$", Path.GetFileName(files[0]));
        Assert.Matches(@"^\d+_updated_posts\.json$", Path.GetFileName(files[1]));
        var created = JsonNode.Parse(await File.ReadAllTextAsync(files[0]))!;
        Assert.Null(created["changes"]![0]!["before"]);
        Assert.Equal("posts", created["changes"]![0]!["after"]!["name"]!.GetValue<string>());
        Assert.Empty(created["destructive"]!.AsArray());
        var updated = JsonNode.Parse(await File.ReadAllTextAsync(files[1]))!;
        Assert.Contains("body", updated["destructive"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var status = await CliRunner.RunAsync(["migrate", "status", .. CliRunner.For(server.Database)]);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal(2, status.Output.Split('\n').Count(l => l.StartsWith("applied", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MigrateUp_OnAnotherDatabase_RefusesDestructiveUntilAllowed_ThenDownReverts()
    {
        await using var server = await TestServer.StartAsync(kind);
        await CreatePostsAndChangeThemAsync(server);
        var migrations = MigrationsOf(server);

        await using var target = await TestDatabase.CreateAsync(kind);
        var first = await CliRunner.RunAsync(["migrate", "up", .. CliRunner.For(target, migrations)]);
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("Applied", first.Output, StringComparison.Ordinal);
        Assert.Contains("drop field \"body\" of \"posts\" (0 rows)", first.Output, StringComparison.Ordinal);
        Assert.Contains("--allow-destructive", first.Output, StringComparison.Ordinal);

        await using (var core = await SharpBase.Core.SharpBaseApp.OpenAsync(TestServer.Options(target).Core with { MigrationsDirectory = migrations }))
        {
            Assert.NotNull(core.Schema.Current.Find("posts")!.FindField("body"));
        }

        var second = await CliRunner.RunAsync(["migrate", "up", "--allow-destructive", .. CliRunner.For(target, migrations)]);
        Assert.Equal(0, second.ExitCode);
        await using (var core = await SharpBase.Core.SharpBaseApp.OpenAsync(TestServer.Options(target).Core with { MigrationsDirectory = migrations }))
        {
            Assert.Null(core.Schema.Current.Find("posts")!.FindField("body"));
            Assert.Equal(server.Core.Schema.Current.Find("posts")!.Id, core.Schema.Current.Find("posts")!.Id);
        }

        var again = await CliRunner.RunAsync(["migrate", "up", .. CliRunner.For(target, migrations)]);
        Assert.Contains("No new migrations", again.Output, StringComparison.Ordinal);

        var down = await CliRunner.RunAsync(["migrate", "down", "1", .. CliRunner.For(target, migrations)]);
        Assert.Equal(0, down.ExitCode);
        await using (var core = await SharpBase.Core.SharpBaseApp.OpenAsync(TestServer.Options(target).Core with { MigrationsDirectory = migrations }))
        {
            Assert.NotNull(core.Schema.Current.Find("posts")!.FindField("body"));
        }

        var downAll = await CliRunner.RunAsync(["migrate", "down", "1", .. CliRunner.For(target, migrations)]);
        Assert.Equal(1, downAll.ExitCode);
        Assert.Contains("drop collection \"posts\"", downAll.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateUp_PrintsRowCountsOfWhatWouldBeLost()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "posts", fields = new object[] { new { name = "title", type = "text" } } }), HttpStatusCode.OK);
        var migrations = MigrationsOf(server);

        await using var target = await TestDatabase.CreateAsync(kind);
        Assert.Equal(0, (await CliRunner.RunAsync(["migrate", "up", .. CliRunner.For(target, migrations)])).ExitCode);
        await HttpAssert.StatusAsync(await server.Superuser.DeleteAsync("/api/collections/posts"), HttpStatusCode.NoContent);

        await using (var core = await SharpBase.Core.SharpBaseApp.OpenAsync(TestServer.Options(target).Core with { MigrationsDirectory = migrations }))
        {
            var posts = core.Schema.Current.Find("posts")!;
            for (var i = 0; i < 3; i++)
            {
                await core.Database.WriteAsync(async (session, ct) =>
                {
                    await core.Records.InsertAsync(session, posts, new Dictionary<string, object?> { ["id"] = "rec" + i + "aaaaaaaaaaa", ["title"] = "t" }, ct);
                    return true;
                }, CancellationToken.None);
            }
        }

        var refused = await CliRunner.RunAsync(["migrate", "up", .. CliRunner.For(target, migrations)]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("drop collection \"posts\" and all its records (3 rows)", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateCollections_WritesASnapshotThatRecreatesTheSchemaElsewhere()
    {
        await using var server = await TestServer.StartAsync(kind);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new { name = "posts", fields = new object[] { new { name = "title", type = "text" } } }), HttpStatusCode.OK);
        var snapshotDir = Path.Combine(Path.GetTempPath(), "sharpbase-http-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var snapshot = await CliRunner.RunAsync(["migrate", "collections", .. CliRunner.For(server.Database, snapshotDir)]);
            Assert.Equal(0, snapshot.ExitCode);
            Assert.Single(Directory.GetFiles(snapshotDir, "*_collections_snapshot.json"));

            await using var target = await TestDatabase.CreateAsync(kind);
            var up = await CliRunner.RunAsync(["migrate", "up", .. CliRunner.For(target, snapshotDir)]);
            Assert.Equal(0, up.ExitCode);
            await using var core = await SharpBase.Core.SharpBaseApp.OpenAsync(TestServer.Options(target).Core with { MigrationsDirectory = snapshotDir });
            Assert.NotNull(core.Schema.Current.Find("posts")!.FindField("title"));
        }
        finally
        {
            Directory.Delete(snapshotDir, recursive: true);
        }
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseKind.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseKind.Postgres);
