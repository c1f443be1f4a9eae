using System.Net;
using System.Net.Http.Json;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Records;

public abstract class RecordCrudTests(DatabaseKind kind)
{
    [Fact]
    public async Task Create_InvalidValues_Get400WithPocketBaseCodes_AndNothingIsStored()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var data = await HttpAssert.ErrorAsync(await s.Alice.PostAsJsonAsync("/api/collections/notes/records", new
        {
            title = new string('x', 101), owner = s.AliceId, views = -1, tags = new[] { "a", "zzz" },
        }), 400);
        Assert.Equal("validation_max_text_constraint", data["title"]!["code"]!.GetValue<string>());
        Assert.StartsWith("validation_min", data["views"]!["code"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("validation_invalid_value", data["tags"]!["code"]!.GetValue<string>());

        var missing = await HttpAssert.ErrorAsync(await s.Alice.PostAsJsonAsync("/api/collections/notes/records", new { owner = "nosuchuser12345" }), 400);
        Assert.Equal("validation_required", missing["title"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_missing_rel_records", missing["owner"]!["code"]!.GetValue<string>());
        var all = await RecordsScenario.Ok(await s.Server.Superuser.GetAsync("/api/collections/notes/records"));
        Assert.Equal(0, all["totalItems"]!.GetValue<long>());
    }

    [Fact]
    public async Task Create_DuplicateInUniqueIndex_IsValidationNotUnique()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await s.NoteAsync(s.Alice, s.AliceId, "same");
        var data = await HttpAssert.ErrorAsync(await s.Alice.PostAsJsonAsync("/api/collections/notes/records", new { title = "same", owner = s.AliceId }), 400);
        Assert.Equal("validation_not_unique", data["title"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithCustomId_MultipartAndUrlEncoded()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var custom = await RecordsScenario.Ok(await s.Alice.PostAsJsonAsync("/api/collections/notes/records", new { id = "abcdefghij12345", title = "custom", owner = s.AliceId }));
        Assert.Equal("abcdefghij12345", custom["id"]!.GetValue<string>());
        var badId = await HttpAssert.ErrorAsync(await s.Alice.PostAsJsonAsync("/api/collections/notes/records", new { id = "BAD", title = "x", owner = s.AliceId }), 400);
        Assert.NotNull(badId["id"]);

        using var form = new MultipartFormDataContent
        {
            { new StringContent("multipart"), "title" },
            { new StringContent(s.AliceId), "owner" },
            { new StringContent("12"), "views" },
            { new StringContent("true"), "public" },
            { new StringContent("{\"tags\":[\"a\",\"c\"],\"meta\":{\"k\":[1,2]}}"), "@jsonPayload" },
        };
        var multipart = await RecordsScenario.Ok(await s.Alice.PostAsync("/api/collections/notes/records", form));
        Assert.Equal(12, multipart["views"]!.GetValue<double>());
        Assert.True(multipart["public"]!.GetValue<bool>());
        Assert.Equal("""{"k":[1,2]}""", multipart["meta"]!.ToJsonString());
        Assert.Equal(2, multipart["tags"]!.AsArray().Count);

        using var encoded = new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "encoded", ["owner"] = s.AliceId, ["views"] = "3" });
        var urlEncoded = await RecordsScenario.Ok(await s.Alice.PostAsync("/api/collections/notes/records", encoded));
        Assert.Equal(3, urlEncoded["views"]!.GetValue<double>());
    }

    [Fact]
    public async Task UnknownCollectionAndViewWrites_GetClearErrors()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var missing = await s.Alice.GetAsync("/api/collections/nothing/records");
        await HttpAssert.ErrorAsync(missing, 404);
        await RecordsScenario.Ok(await s.Server.Superuser.PostAsJsonAsync("/api/collections", new { name = "public_notes", type = "view", viewQuery = "SELECT id, title FROM notes WHERE public = TRUE", listRule = "" }));
        await HttpAssert.ErrorAsync(await s.Alice.PostAsJsonAsync("/api/collections/public_notes/records", new { title = "x" }), 400);
        await s.NoteAsync(s.Alice, s.AliceId, "shown", isPublic: true);
        var view = await RecordsScenario.Ok(await s.Server.Guest.GetAsync("/api/collections/public_notes/records"));
        Assert.Equal("shown", view["items"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_CascadesToDependents_AndRefusesARequiredReference()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var note = await s.NoteAsync(s.Alice, s.AliceId, "parent", isPublic: true);
        await RecordsScenario.Ok(await s.Bob.PostAsJsonAsync("/api/collections/comments/records", new { text = "c1", note = note["id"] }));
        await HttpAssert.StatusAsync(await s.Alice.DeleteAsync($"/api/collections/notes/records/{note["id"]}"), HttpStatusCode.NoContent);
        var comments = await RecordsScenario.Ok(await s.Server.Guest.GetAsync("/api/collections/comments/records"));
        Assert.Equal(0, comments["totalItems"]!.GetValue<long>());

        await s.NoteAsync(s.Bob, s.BobId, "bob keeps");
        var data = await HttpAssert.ErrorAsync(await s.Server.Superuser.DeleteAsync($"/api/collections/users/records/{s.BobId}"), 400);
        Assert.Empty(data);
        await RecordsScenario.Ok(await s.Server.Superuser.GetAsync($"/api/collections/users/records/{s.BobId}"));
    }

    [Fact]
    public async Task List_Paging_SkipTotal_Fields_AndSort()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        for (var i = 0; i < 5; i++)
        {
            await s.NoteAsync(s.Alice, s.AliceId, "n" + i, views: i);
        }

        var page = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/notes/records?page=2&perPage=2&sort=-views&fields=id,title,views"));
        Assert.Equal(2, page["page"]!.GetValue<int>());
        Assert.Equal(5, page["totalItems"]!.GetValue<long>());
        Assert.Equal(3, page["totalPages"]!.GetValue<long>());
        Assert.Equal(["n2", "n1"], page["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToArray());
        Assert.Equal(["id", "title", "views"], page["items"]![0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());

        var skip = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/notes/records?skipTotal=1&perPage=1"));
        Assert.Equal(-1, skip["totalItems"]!.GetValue<long>());
        Assert.Equal(-1, skip["totalPages"]!.GetValue<long>());
        Assert.Single(skip["items"]!.AsArray());
        var random = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/notes/records?sort=@random"));
        Assert.Equal(5, random["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Expand_LoadsRelations_AndHidesWhatTheCallerMayNotView()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var secret = await s.NoteAsync(s.Alice, s.AliceId, "alice only");
        var shared = await s.NoteAsync(s.Alice, s.AliceId, "shared", isPublic: true);
        await RecordsScenario.Ok(await s.Bob.PostAsJsonAsync("/api/collections/comments/records", new { text = "on secret", note = secret["id"] }));
        await RecordsScenario.Ok(await s.Bob.PostAsJsonAsync("/api/collections/comments/records", new { text = "on shared", note = shared["id"] }));

        var asBob = await RecordsScenario.Ok(await s.Bob.GetAsync("/api/collections/comments/records?sort=text&expand=note.owner"));
        var onSecret = asBob["items"]![0]!;
        Assert.Equal("on secret", onSecret["text"]!.GetValue<string>());
        Assert.Empty(onSecret["expand"]!.AsObject());
        var onShared = asBob["items"]![1]!;
        Assert.Equal("shared", onShared["expand"]!["note"]!["title"]!.GetValue<string>());
        Assert.Equal(s.AliceId, onShared["expand"]!["note"]!["expand"]!["owner"]!["id"]!.GetValue<string>());
        Assert.Null(onShared["expand"]!["note"]!["expand"]!["owner"]!["email"]);

        var back = await RecordsScenario.Ok(await s.Alice.GetAsync($"/api/collections/notes/records/{shared["id"]}?expand=comments_via_note"));
        Assert.Equal("on shared", back["expand"]!["comments_via_note"]![0]!["text"]!.GetValue<string>());
        var none = await RecordsScenario.Ok(await s.Alice.GetAsync($"/api/collections/notes/records/{shared["id"]}"));
        Assert.Null(none["expand"]);
    }

    [Fact]
    public async Task AuthRecords_SignupRules_AndEmailVisibility()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        var mismatch = await HttpAssert.ErrorAsync(await s.Server.Guest.PostAsJsonAsync("/api/collections/users/records",
            new { email = "c@example.com", password = "password one", passwordConfirm = "password two" }), 400);
        Assert.Equal("validation_values_mismatch", mismatch["passwordConfirm"]!["code"]!.GetValue<string>());
        var verified = await HttpAssert.ErrorAsync(await s.Server.Guest.PostAsJsonAsync("/api/collections/users/records",
            new { email = "d@example.com", password = "password one", passwordConfirm = "password one", verified = true }), 400);
        Assert.NotNull(verified["verified"]);
        var created = await RecordsScenario.Ok(await s.Server.Guest.PostAsJsonAsync("/api/collections/users/records",
            new { email = "e@example.com", password = "password one", passwordConfirm = "password one", tokenKey = "mine" }));
        Assert.Null(created["password"]);
        Assert.Null(created["tokenKey"]);
        Assert.Null(created["email"]);
        var row = await s.Server.Core.Records.FindByAsync(s.Server.Core.Schema.Current.Find("users")!, "email", "e@example.com", CancellationToken.None);
        Assert.NotEqual("mine", row!.GetString("tokenKey"));
        Assert.StartsWith("$argon2id$", row.GetString("password"), StringComparison.Ordinal);

        var own = await RecordsScenario.Ok(await s.Alice.GetAsync($"/api/collections/users/records/{s.AliceId}"));
        Assert.Equal("alice@example.com", own["email"]!.GetValue<string>());
        var other = await RecordsScenario.Ok(await s.Bob.GetAsync($"/api/collections/users/records/{s.AliceId}"));
        Assert.Null(other["email"]);
    }

    [Fact]
    public async Task ManageRule_ShowsEmails_AndAllowsManagingOtherRecords()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await RecordsScenario.Ok(await s.Server.Superuser.PatchAsJsonAsync("/api/collections/users", new
        {
            manageRule = $"@request.auth.id = '{s.AliceId}'",
            listRule = "",
            updateRule = $"@request.auth.id = '{s.AliceId}'",
        }));
        var asManager = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/users/records?sort=email"));
        Assert.Equal(["alice@example.com", "bob@example.com"], asManager["items"]!.AsArray().Select(i => i!["email"]!.GetValue<string>()).ToArray());
        var asUser = await RecordsScenario.Ok(await s.Bob.GetAsync($"/api/collections/users/records/{s.AliceId}"));
        Assert.Null(asUser["email"]);
        var verified = await RecordsScenario.Ok(await s.Alice.PatchAsJsonAsync($"/api/collections/users/records/{s.BobId}", new { verified = true }));
        Assert.True(verified["verified"]!.GetValue<bool>());
        Assert.Equal("bob@example.com", verified["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task PasswordChange_NeedsOldPassword_AndInvalidatesTokens()
    {
        await using var s = await RecordsScenario.StartAsync(kind);
        await RecordsScenario.Ok(await s.Server.Superuser.PatchAsJsonAsync("/api/collections/users", new { updateRule = "id = @request.auth.id" }));
        var url = $"/api/collections/users/records/{s.AliceId}";
        var noOld = await HttpAssert.ErrorAsync(await s.Alice.PatchAsJsonAsync(url, new { password = "new password 1", passwordConfirm = "new password 1" }), 400);
        Assert.Equal("validation_required", noOld["oldPassword"]!["code"]!.GetValue<string>());
        await RecordsScenario.Ok(await s.Alice.PatchAsJsonAsync(url, new { oldPassword = "user password 1", password = "new password 1", passwordConfirm = "new password 1" }));
        var asStaleToken = await RecordsScenario.Ok(await s.Alice.GetAsync("/api/collections/users/records"));
        Assert.Equal(0, asStaleToken["totalItems"]!.GetValue<long>());
        await RecordsScenario.Ok(await s.Server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password", new { identity = "alice@example.com", password = "new password 1" }));
    }
}

public sealed class SqliteRecordCrudTests() : RecordCrudTests(DatabaseKind.Sqlite);

public sealed class PostgresRecordCrudTests() : RecordCrudTests(DatabaseKind.Postgres);
