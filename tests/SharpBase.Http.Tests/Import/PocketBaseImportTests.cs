using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Import;

/// <summary><c>sharpbase import pocketbase</c> (issue 18) on a data folder in PocketBase's format, into SQLite and PostgreSQL.</summary>
public abstract class PocketBaseImportTests(DatabaseKind kind)
{
    [Fact]
    public async Task Import_ThenServe_RecordsKeepIdsRulesApplyAndOldPasswordsSignIn()
    {
        using var source = new TempFolder();
        var folder = PocketBaseFixture.Create(source.Path);
        var database = await TestDatabase.CreateAsync(kind);
        var result = await CliRunner.RunAsync(["import", "pocketbase", folder, .. CliRunner.For(database)]);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("users: 2 records imported", result.Output, StringComparison.Ordinal);
        Assert.Contains("posts: 2 records imported", result.Output, StringComparison.Ordinal);
        Assert.Contains("_superusers: 1 superuser imported", result.Output, StringComparison.Ordinal);
        Assert.Contains("posts.cover: 1 file not copied", result.Output, StringComparison.Ordinal);
        Assert.Contains("_externalAuths: 1 row", result.Output, StringComparison.Ordinal);
        Assert.Contains("_params: settings", result.Output, StringComparison.Ordinal);
        Assert.Contains("auxiliary.db: 2 log entries", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("view \"published_posts\"", result.Output, StringComparison.Ordinal);

        await using var server = await TestServer.StartOnAsync(database);
        var posts = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/posts/records?sort=created"), HttpStatusCode.OK))!["items"]!.AsArray();
        Assert.Equal([PocketBaseFixture.PublishedPostId, PocketBaseFixture.DraftPostId], posts.Select(p => p!["id"]!.GetValue<string>()));
        var published = posts[0]!;
        Assert.Equal(["news", "tech"], published["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal([PocketBaseFixture.AliceId, PocketBaseFixture.BobId], published["authors"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(PocketBaseFixture.AliceId, published["owner"]!.GetValue<string>());
        Assert.Equal("cover_a1b2c3d4e5.png", published["cover"]!.GetValue<string>());
        Assert.Equal(10, published["views"]!.GetValue<double>());
        Assert.True(published["published"]!.GetValue<bool>());
        Assert.Equal("en", published["meta"]!["lang"]!.GetValue<string>());
        Assert.Equal("2024-03-05 00:00:00.000Z", published["publishedAt"]!.GetValue<string>());
        Assert.Equal("2024-03-04 05:06:07.890Z", published["created"]!.GetValue<string>());
        Assert.Equal("", posts[1]!["publishedAt"]!.GetValue<string>());

        // The list rule came over: a guest sees the published post only, the view answers as its own rule says.
        var guestPosts = (await HttpAssert.StatusAsync(await server.Guest.GetAsync("/api/collections/posts/records"), HttpStatusCode.OK))!;
        Assert.Equal(PocketBaseFixture.PublishedPostId, Assert.Single(guestPosts["items"]!.AsArray())!["id"]!.GetValue<string>());
        var view = (await HttpAssert.StatusAsync(await server.Guest.GetAsync("/api/collections/published_posts/records"), HttpStatusCode.OK))!;
        Assert.Equal(PocketBaseFixture.PublishedPostId, Assert.Single(view["items"]!.AsArray())!["id"]!.GetValue<string>());

        // Alice signs in with her PocketBase password; the bcrypt hash is then replaced by Argon2id, the token key kept.
        var users = server.Core.Schema.Current.Find("users")!;
        var before = (await server.Core.Records.FindByAsync(users, "id", PocketBaseFixture.AliceId, CancellationToken.None))!;
        Assert.StartsWith("$2a$", (string)before.Values["password"]!, StringComparison.Ordinal);
        var login = await server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password",
            new { identity = "alice@example.test", password = PocketBaseFixture.AlicePassword });
        var auth = (await HttpAssert.StatusAsync(login, HttpStatusCode.OK))!;
        Assert.Equal(PocketBaseFixture.AliceId, auth["record"]!["id"]!.GetValue<string>());
        var after = (await server.Core.Records.FindByAsync(users, "id", PocketBaseFixture.AliceId, CancellationToken.None))!;
        Assert.StartsWith("$argon2id$", (string)after.Values["password"]!, StringComparison.Ordinal);
        Assert.Equal(PocketBaseFixture.AliceTokenKey, after.Values["tokenKey"]);
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password",
            new { identity = "alice@example.test", password = "not her password" }), 400);

        // The update rule came over too: Alice may change her post, and Bob's draft stays out of her sight.
        using var alice = new HttpClient { BaseAddress = server.Address };
        alice.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", auth["token"]!.GetValue<string>());
        await HttpAssert.StatusAsync(await alice.PatchAsJsonAsync($"/api/collections/posts/records/{PocketBaseFixture.PublishedPostId}", new { title = "Hi" }),
            HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound,
            (await alice.PatchAsJsonAsync($"/api/collections/posts/records/{PocketBaseFixture.DraftPostId}", new { title = "Mine" })).StatusCode);

        // PocketBase's superuser came over into _superusers.
        var admin = await server.Guest.PostAsJsonAsync("/api/collections/_superusers/auth-with-password",
            new { identity = PocketBaseFixture.AdminEmail, password = PocketBaseFixture.AdminPassword });
        await HttpAssert.StatusAsync(admin, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Import_Rerun_ChangesNothingAndSaysSo()
    {
        using var source = new TempFolder();
        var folder = PocketBaseFixture.Create(source.Path);
        await using var database = await TestDatabase.CreateAsync(kind);
        var migrations = Path.Combine(source.Path, "migrations");
        var first = await CliRunner.RunAsync(["import", "pocketbase", folder, .. CliRunner.For(database, migrations)]);
        Assert.True(first.ExitCode == 0, first.Error);
        var files = Directory.GetFiles(migrations).Length;

        var second = await CliRunner.RunAsync(["import", "pocketbase", folder, .. CliRunner.For(database, migrations)]);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("Nothing changed", second.Output, StringComparison.Ordinal);
        Assert.Contains("collections: 0 created, 0 updated, 3 unchanged", second.Output, StringComparison.Ordinal);
        Assert.Contains("posts: 0 records imported, 2 already here", second.Output, StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFiles(migrations).Length);
    }

    [Fact]
    public async Task Import_IntoATargetWithDataOfItsOwn_IsRefusedUnlessForced()
    {
        using var source = new TempFolder();
        var folder = PocketBaseFixture.Create(source.Path);
        await using var database = await TestDatabase.CreateAsync(kind);
        Assert.Equal(0, (await CliRunner.RunAsync(["superuser", "upsert", "own@example.test", "own password 1", .. CliRunner.For(database)])).ExitCode);

        var refused = await CliRunner.RunAsync(["import", "pocketbase", folder, .. CliRunner.For(database)]);
        Assert.Equal(1, refused.ExitCode);
        AssertOneErrorLine(refused);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("", refused.Output);

        var forced = await CliRunner.RunAsync(["import", "pocketbase", folder, "--force", .. CliRunner.For(database)]);
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Contains("posts: 2 records imported", forced.Output, StringComparison.Ordinal);
        Assert.Contains("_superusers: 1 superuser imported", forced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Forced_RecordClashingWithAUniqueIndex_PrintsOneErrorLine()
    {
        using var source = new TempFolder();
        var folder = PocketBaseFixture.Create(source.Path);
        await using var database = await TestDatabase.CreateAsync(kind);
        Assert.Equal(0, (await CliRunner.RunAsync(["superuser", "upsert", PocketBaseFixture.AdminEmail, "own password 1", .. CliRunner.For(database)])).ExitCode);

        var result = await CliRunner.RunAsync(["import", "pocketbase", folder, "--force", .. CliRunner.For(database)]);
        Assert.Equal(1, result.ExitCode);
        AssertOneErrorLine(result);
        Assert.Contains("admin0000000001", result.Error, StringComparison.Ordinal);
        Assert.Contains("email", result.Error, StringComparison.Ordinal);
        Assert.Contains("posts: 2 records imported", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CollectionsSharpBaseRefuses_NamesThemAndChangesNothing()
    {
        using var source = new TempFolder();
        var folder = PocketBaseFixture.Create(source.Path);
        PocketBaseFixture.Execute(System.IO.Path.Combine(folder, "data.db"),
            [$"UPDATE _collections SET fields = replace(fields, '\"collectionId\":\"_pb_users_auth_\"', '\"collectionId\":\"pbc_nowhere\"') WHERE id = '{PocketBaseFixture.PostsId}'"]);
        await using var database = await TestDatabase.CreateAsync(kind);
        var result = await CliRunner.RunAsync(["import", "pocketbase", folder, .. CliRunner.For(database)]);
        Assert.Equal(1, result.ExitCode);
        AssertOneErrorLine(result);
        Assert.Contains("\"posts\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("validation_missing_collection", result.Error, StringComparison.Ordinal);

        await using var server = await TestServer.StartOnAsync(database);
        Assert.Null(server.Core.Schema.Current.Find("posts"));
        // The default users collection kept its own settings (the fixture's users would set a 7-day auth token).
        Assert.Equal(432000, server.Core.Schema.Current.Find("users")!.Auth!.AuthToken.Duration);
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("empty", "has no data.db")]
    [InlineData("garbage", "is not a readable SQLite database")]
    [InlineData("other-sqlite", "has no _collections table")]
    [InlineData("pre-0.23", "before 0.23")]
    public async Task Import_FromAFolderThatIsNotPocketBase_PrintsOneErrorLineAndChangesNothing(string shape, string expected)
    {
        using var source = new TempFolder();
        var folder = System.IO.Path.Combine(source.Path, "pb_data");
        if (shape != "missing")
        {
            Directory.CreateDirectory(folder);
        }

        var data = System.IO.Path.Combine(folder, "data.db");
        switch (shape)
        {
            case "garbage":
                await File.WriteAllTextAsync(data, new string('x', 4096));
                break;
            case "other-sqlite":
                PocketBaseFixture.Execute(data, ["CREATE TABLE notes (id TEXT PRIMARY KEY)"]);
                break;
            case "pre-0.23":
                PocketBaseFixture.Execute(data, ["CREATE TABLE _collections (id TEXT PRIMARY KEY, system BOOLEAN, type TEXT, name TEXT, schema JSON, listRule TEXT, options JSON, created TEXT, updated TEXT, indexes JSON)"]);
                break;
        }

        await using var database = await TestDatabase.CreateAsync(kind);
        var result = await CliRunner.RunAsync(["import", "pocketbase", folder, .. CliRunner.For(database)]);
        Assert.Equal(1, result.ExitCode);
        AssertOneErrorLine(result);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);

        await using var server = await TestServer.StartOnAsync(database);
        var collections = (await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections"), HttpStatusCode.OK))!["items"]!.AsArray();
        Assert.Equal(["_authOrigins", "_externalAuths", "_mfas", "_otps", "_superusers", "users"], collections.Select(c => c!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    private static void AssertOneErrorLine(CliRunner.Result result)
    {
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("sharpbase-pb-import-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow close is harmless in a temp folder.
            }
        }
    }
}

public sealed class SqlitePocketBaseImportTests() : PocketBaseImportTests(DatabaseKind.Sqlite);

public sealed class PostgresPocketBaseImportTests() : PocketBaseImportTests(DatabaseKind.Postgres);
