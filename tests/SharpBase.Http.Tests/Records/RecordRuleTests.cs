using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Records;

public abstract class RecordRuleTests(DatabaseKind kind)
{
    [Fact]
    public async Task ListRule_FiltersRows_PerCaller()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await s.NoteAsync(s.Alice, s.AliceId, "alice private");
        await s.NoteAsync(s.Alice, s.AliceId, "alice public", isPublic: true);
        await s.NoteAsync(s.Bob, s.BobId, "bob private");

        var alice = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/notes/records?sort=title"));
        Assert.Equal(["alice private", "alice public"], alice["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToArray());
        var guest = await RecordsScenario.Ok(await s.Server.Guest.GetAsync("/api/collections/notes/records"));
        Assert.Equal(["alice public"], guest["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToArray());
        Assert.Equal(1, guest["totalItems"]!.GetValue<long>());
        var su = await RecordsScenario.Ok(await s.Server.Superuser.GetAsync("/api/collections/notes/records"));
        Assert.Equal(3, su["totalItems"]!.GetValue<long>());
    }

    [Fact]
    public async Task ViewUpdateDelete_OfAnotherUsersRecord_Are404_AndChangeNothing()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var note = await s.NoteAsync(s.Alice, s.AliceId, "mine");
        var url = $"/api/collections/notes/records/{note["id"]}";
        await HttpAssert.ErrorAsync(await s.Bob.GetAsync(url), 404);
        await HttpAssert.ErrorAsync(await s.Bob.PatchAsJsonAsync(url, new { title = "stolen" }), 404);
        await HttpAssert.ErrorAsync(await s.Bob.DeleteAsync(url), 404);
        var still = await RecordsScenario.Ok(await s.Alice.GetAsync(url));
        Assert.Equal("mine", still["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateRule_Failing_Is400_AndNothingIsStored()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await s.Bob.PostAsJsonAsync("/api/collections/notes/records", new { title = "forged", owner = s.AliceId }), 400);
        Assert.Empty(data);
        await HttpAssert.ErrorAsync(await s.Server.Guest.PostAsJsonAsync("/api/collections/notes/records", new { title = "anon", owner = s.AliceId }), 400);
        var all = await RecordsScenario.Ok(await s.Server.Superuser.GetAsync("/api/collections/notes/records"));
        Assert.Equal(0, all["totalItems"]!.GetValue<long>());
    }

    [Fact]
    public async Task NullRule_Is403ForUsers_AndSuperusersBypass()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await RecordsScenario.Ok(await s.Server.Superuser.PatchAsJsonAsync("/api/collections/comments", new { listRule = (string?)null, deleteRule = (string?)null }));
        await HttpAssert.ErrorAsync(await s.Alice.GetAsync("/api/collections/comments/records"), 403);
        var comment = await RecordsScenario.Ok(await s.Alice.PostAsJsonAsync("/api/collections/comments/records", new { text = "hi" }));
        await HttpAssert.ErrorAsync(await s.Alice.DeleteAsync($"/api/collections/comments/records/{comment["id"]}"), 403);
        await RecordsScenario.Ok(await s.Server.Superuser.GetAsync("/api/collections/comments/records"));
        await HttpAssert.StatusAsync(await s.Server.Superuser.DeleteAsync($"/api/collections/comments/records/{comment["id"]}"), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task HiddenFields_AreOnlyForSuperusers_AndCannotBeFiltered()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var note = await s.NoteAsync(s.Alice, s.AliceId, "hidden", isPublic: true);
        Assert.Null(note["secret"]);
        var su = await RecordsScenario.Ok(await s.Server.Superuser.GetAsync($"/api/collections/notes/records/{note["id"]}"));
        Assert.Equal("", su["secret"]!.GetValue<string>());
        await HttpAssert.ErrorAsync(await s.Alice.GetAsync("/api/collections/notes/records?filter=" + Uri.EscapeDataString("secret ~ 's'")), 400);
        await HttpAssert.ErrorAsync(await s.Alice.GetAsync("/api/collections/notes/records?sort=secret"), 400);
        await HttpAssert.ErrorAsync(await s.Alice.GetAsync("/api/collections/notes/records?filter=" + Uri.EscapeDataString("@request.auth.id != ''")), 403);
        await HttpAssert.ErrorAsync(await s.Alice.GetAsync("/api/collections/users/records?filter=" + Uri.EscapeDataString("password ~ '$'")), 400);
    }

    [Fact]
    public async Task UpdateAndDelete_ByTheOwner_Work()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var note = await s.NoteAsync(s.Alice, s.AliceId, "draft", views: 1, tags: ["a"]);
        var url = $"/api/collections/notes/records/{note["id"]}";
        await Task.Delay(5);
        var updated = await RecordsScenario.Ok(await s.Alice.PatchAsJsonAsync(url, new Dictionary<string, object> { ["views+"] = 4, ["tags+"] = "b", ["title"] = "final" }));
        Assert.Equal(5, updated["views"]!.GetValue<double>());
        Assert.Equal(["a", "b"], updated["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());
        Assert.Equal("final", updated["title"]!.GetValue<string>());
        Assert.NotEqual(note["updated"]!.GetValue<string>(), updated["updated"]!.GetValue<string>());
        Assert.Equal(note["created"]!.GetValue<string>(), updated["created"]!.GetValue<string>());
        await HttpAssert.StatusAsync(await s.Alice.DeleteAsync(url), HttpStatusCode.NoContent);
        await HttpAssert.ErrorAsync(await s.Alice.GetAsync(url), 404);
    }
}

public sealed class SqliteRecordRuleTests() : RecordRuleTests(DatabaseKind.Sqlite);

public sealed class PostgresRecordRuleTests() : RecordRuleTests(DatabaseKind.Postgres);
