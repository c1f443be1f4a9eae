using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SharpBase.Http.Tests.Infrastructure;

namespace SharpBase.Http.Tests.Records;

/// <summary>
/// A server with two signed-up users and the collections the record tests share: <c>notes</c> (owner-only rules, a hidden
/// field, a multi select) and <c>comments</c> (public, relation to notes with cascade delete).
/// </summary>
public sealed class RecordsScenario : IAsyncDisposable
{
    public const string OwnerRule = "owner = @request.auth.id || public = true";

    private RecordsScenario(TestServer server) => Server = server;

    public TestServer Server { get; }

    public HttpClient Alice { get; private set; } = null!;

    public string AliceId { get; private set; } = "";

    public HttpClient Bob { get; private set; } = null!;

    public string BobId { get; private set; } = "";

    public static async Task<RecordsScenario> StartAsync(DatabaseKind kind)
    {
        var scenario = new RecordsScenario(await TestServer.StartAsync(kind));
        await scenario.SeedAsync();
        return scenario;
    }

    private async Task SeedAsync()
    {
        var su = Server.Superuser;
        await Ok(await su.PatchAsJsonAsync("/api/collections/users", new { listRule = "id = @request.auth.id", viewRule = "" }));
        await Ok(await su.PostAsJsonAsync("/api/collections", new
        {
            name = "notes",
            listRule = OwnerRule,
            viewRule = OwnerRule,
            createRule = "@request.auth.id != '' && owner = @request.auth.id",
            updateRule = "owner = @request.auth.id",
            deleteRule = "owner = @request.auth.id",
            fields = new object[]
            {
                new { name = "title", type = "text", required = true, max = 100 },
                new { name = "secret", type = "text", hidden = true },
                new { name = "owner", type = "relation", collectionId = "_pb_users_auth_", maxSelect = 1, required = true },
                new { name = "views", type = "number", min = 0 },
                new { name = "tags", type = "select", values = new[] { "a", "b", "c" }, maxSelect = 3 },
                new { name = "public", type = "bool" },
                new { name = "meta", type = "json" },
                new { name = "created", type = "autodate", onCreate = true },
                new { name = "updated", type = "autodate", onCreate = true, onUpdate = true },
            },
            indexes = new[] { "CREATE UNIQUE INDEX idx_notes_title ON notes (title)" },
        }));
        await Ok(await su.PostAsJsonAsync("/api/collections", new
        {
            name = "comments",
            listRule = "",
            viewRule = "",
            createRule = "",
            fields = new object[]
            {
                new { name = "text", type = "text" },
                new { name = "note", type = "relation", collectionId = "pbc_notes", maxSelect = 1, cascadeDelete = true },
            },
        }.WithNotesId(await NotesIdAsync())));
        (Alice, AliceId) = await SignUpAsync("alice@example.com");
        (Bob, BobId) = await SignUpAsync("bob@example.com");
    }

    private async Task<string> NotesIdAsync() =>
        (await Server.Superuser.GetFromJsonAsync<JsonObject>("/api/collections/notes"))!["id"]!.GetValue<string>();

    /// <summary>Signs a user up through the records API and signs them in.</summary>
    public async Task<(HttpClient Client, string Id)> SignUpAsync(string email, string password = "user password 1")
    {
        var created = await Ok(await Server.Guest.PostAsJsonAsync("/api/collections/users/records", new { email, password, passwordConfirm = password }));
        var login = await Ok(await Server.Guest.PostAsJsonAsync("/api/collections/users/auth-with-password", new { identity = email, password }));
        var client = new HttpClient { BaseAddress = Server.Address };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", login["token"]!.GetValue<string>());
        return (client, created["id"]!.GetValue<string>());
    }

    /// <summary>Creates a note as <paramref name="client"/> owned by <paramref name="ownerId"/>; returns its JSON.</summary>
    public async Task<JsonObject> NoteAsync(HttpClient client, string ownerId, string title, bool isPublic = false, double views = 0, string[]? tags = null) =>
        await Ok(await client.PostAsJsonAsync("/api/collections/notes/records",
            new { title, owner = ownerId, @public = isPublic, views, tags = tags ?? [], secret = "s-" + title }));

    public static async Task<JsonObject> Ok(HttpResponseMessage response) =>
        (await HttpAssert.StatusAsync(response, HttpStatusCode.OK))!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Alice?.Dispose();
        Bob?.Dispose();
        await Server.DisposeAsync();
    }
}

internal static class AnonymousCollectionExtensions
{
    /// <summary>The comments collection body with the real id of notes in its relation.</summary>
    public static JsonObject WithNotesId(this object body, string notesId)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        json["fields"]![1]!["collectionId"] = notesId;
        return json;
    }
}
