using System.Diagnostics;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Records;

public abstract class RecordSecurityTests(DatabaseKind kind)
{
    private static string Q(string filter) => Uri.EscapeDataString(filter);

    [Fact]
    public async Task RelationPaths_InFilterAndSort_RespectTheRelatedListRule()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var secret = await s.NoteAsync(s.Alice, s.AliceId, "alice only");
        var shared = await s.NoteAsync(s.Alice, s.AliceId, "shared", isPublic: true);
        await RecordsScenario.Ok(await s.Alice.PostAsJsonAsync("/api/collections/comments/records", new { text = "c-secret", note = secret["id"] }));
        await RecordsScenario.Ok(await s.Alice.PostAsJsonAsync("/api/collections/comments/records", new { text = "c-shared", note = shared["id"] }));

        var probe = "/api/collections/comments/records?filter=" + Q("note.title = 'alice only'");
        Assert.Equal(0, (await RecordsScenario.Ok(await s.Bob.GetAsync(probe)))["totalItems"]!.GetValue<long>());
        Assert.Equal(1, (await RecordsScenario.Ok(await s.Alice.GetAsync(probe)))["totalItems"]!.GetValue<long>());

        var sorted = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/comments/records?sort=-note.title"));
        Assert.Equal(["c-shared", "c-secret"], sorted["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()).ToArray());
        await HttpAssert.ErrorAsync(await s.Bob.GetAsync("/api/collections/comments/records?filter=" + Q("note.secret != ''")), 400);
    }

    [Theory]
    [InlineData("'; DROP TABLE notes; --")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("ünïcødé 🙂")]
    public async Task HostileFilterValues_AreData(string value)
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await s.NoteAsync(s.Alice, s.AliceId, "plain", isPublic: true);
        var literal = "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var equal = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/notes/records?filter=" + Q("title = " + literal)));
        Assert.Equal(0, equal["totalItems"]!.GetValue<long>());
        var like = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/notes/records?filter=" + Q("title ~ " + literal)));
        Assert.Equal(value == "%" ? 1 : 0, like["totalItems"]!.GetValue<long>());
        var stored = await RecordsScenario.Ok(await s.Alice.PostAsJsonAsync("/api/collections/notes/records", new { title = value, owner = s.AliceId }));
        var found = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/notes/records?filter=" + Q("title = " + literal)));
        Assert.Equal(stored["id"]!.GetValue<string>(), found["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(2, (await RecordsScenario.Ok(await s.Server.Superuser.GetAsync("/api/collections/notes/records")))["totalItems"]!.GetValue<long>());
    }

    [Fact]
    public async Task HugeAndDeepFilters_GetA400Fast()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var clock = Stopwatch.StartNew();
        var deep = new string('(', 2000) + "title = 'x'" + new string(')', 2000);
        await HttpAssert.ErrorAsync(await s.Alice.GetAsync("/api/collections/notes/records?filter=" + Q(deep)), 400);
        var terms = string.Join(" || ", Enumerable.Range(0, 5000).Select(i => "views = " + i));
        await HttpAssert.ErrorAsync(await s.Alice.GetAsync("/api/collections/notes/records?filter=" + Q(terms)), 400);
        await HttpAssert.ErrorAsync(await s.Alice.GetAsync("/api/collections/notes/records?filter=" + Q("title = '" + new string('x', 100_000) + "'")), 400);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("title =")]
    [InlineData("title = 'unterminated")]
    [InlineData("nosuchfield = 1")]
    [InlineData("(title = 'a'")]
    [InlineData("title === 'a'")]
    public async Task MalformedFilter_Is400_WithTheEnvelope(string filter)
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await s.Alice.GetAsync("/api/collections/notes/records?filter=" + Q(filter)), 400);
        Assert.Empty(data);
    }

    [Fact]
    public async Task Batch_CannotTouchAnotherUsersRecords()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await RecordsScenario.Ok(await s.Server.Superuser.PatchAsJsonAsync("/api/settings", new { batch = new { enabled = true } }));
        var alices = await s.NoteAsync(s.Alice, s.AliceId, "alice's");
        var response = await s.Bob.PostAsJsonAsync("/api/batch", new { requests = new[] { new { method = "DELETE", url = $"/api/collections/notes/records/{alices["id"]}" } } });
        await HttpAssert.ErrorAsync(response, 400);
        await RecordsScenario.Ok(await s.Alice.GetAsync($"/api/collections/notes/records/{alices["id"]}"));
        var ownerSwap = await s.Bob.PostAsJsonAsync("/api/batch", new { requests = new[] { new { method = "POST", url = "/api/collections/notes/records", body = new { title = "fake", owner = s.AliceId } } } });
        await HttpAssert.ErrorAsync(ownerSwap, 400);
    }
}

public sealed class SqliteRecordSecurityTests() : RecordSecurityTests(DatabaseKind.Sqlite);

public sealed class PostgresRecordSecurityTests() : RecordSecurityTests(DatabaseKind.Postgres);
