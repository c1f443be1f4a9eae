using System.Text.Json.Nodes;
using SharpBase.Core.Query;
using SharpBase.Core.Query.InMemory;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Tests.Query;

/// <summary>Collections users / posts / comments with a few records and an in-memory lookup.</summary>
internal sealed class RecordScopeFixture : IRecordLookup
{
    public static readonly DateTimeOffset Now = new(2024, 2, 14, 13, 45, 30, 123, TimeSpan.Zero); // a Wednesday

    public Collection Users { get; } = new()
    {
        Id = "pbc_users", Name = "users", Type = CollectionType.Auth,
        Fields =
        [
            new TextField { Name = "id" }, new EmailField { Name = "email" }, new BoolField { Name = "emailVisibility" },
            new BoolField { Name = "verified" }, new TextField { Name = "name" }, new TextField { Name = "secret", Hidden = true },
            new RelationField { Name = "team", CollectionId = "pbc_users", MaxSelect = 1 },
        ],
    };

    public Collection Posts { get; } = new()
    {
        Id = "pbc_posts", Name = "posts", Type = CollectionType.Base,
        Fields =
        [
            new TextField { Name = "id" }, new TextField { Name = "title" }, new NumberField { Name = "views" },
            new BoolField { Name = "published" }, new DateField { Name = "created" },
            new SelectField { Name = "tags", MaxSelect = 3, Values = ["a", "b", "c"] },
            new SelectField { Name = "status", MaxSelect = 1, Values = ["draft", "live"] },
            new RelationField { Name = "author", CollectionId = "pbc_users", MaxSelect = 1 },
            new RelationField { Name = "editors", CollectionId = "pbc_users", MaxSelect = 5 },
            new FileField { Name = "files", MaxSelect = 2 }, new JsonField { Name = "meta" }, new GeoPointField { Name = "place" },
            new TextField { Name = "hidden", Hidden = true },
        ],
    };

    public Collection Comments { get; } = new()
    {
        Id = "pbc_comments", Name = "comments", Type = CollectionType.Base,
        Fields = [new TextField { Name = "id" }, new TextField { Name = "text" }, new RelationField { Name = "post", CollectionId = "pbc_posts", MaxSelect = 1 }],
    };

    public List<RecordRow> Rows { get; } = [];

    public RecordFixtureRows Create()
    {
        var alice = Add(Users, new() { ["id"] = "u1", ["email"] = "alice@example.com", ["emailVisibility"] = true, ["verified"] = true, ["name"] = "Alice", ["secret"] = "s1", ["team"] = "u2" });
        var bob = Add(Users, new() { ["id"] = "u2", ["email"] = "bob@example.com", ["emailVisibility"] = false, ["verified"] = false, ["name"] = "Bob", ["secret"] = "s2", ["team"] = "" });
        var post = Add(Posts, new()
        {
            ["id"] = "p1", ["title"] = "Hello World", ["views"] = 42.0, ["published"] = true,
            ["created"] = new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.Zero), ["tags"] = "[\"a\",\"b\"]", ["status"] = "live",
            ["author"] = "u1", ["editors"] = "[\"u1\",\"u2\"]", ["files"] = "[]",
            ["meta"] = """{"a":{"b":[10,"x",true,null]},"n":null,"s":"","o":{"k":1}}""",
            ["place"] = """{"lon":23.32,"lat":42.69}""", ["hidden"] = "h",
        });
        Add(Comments, new() { ["id"] = "c1", ["text"] = "First!", ["post"] = "p1" });
        Add(Comments, new() { ["id"] = "c2", ["text"] = "Nice post", ["post"] = "p1" });
        return new RecordFixtureRows(alice, bob, post);
    }

    public RecordFilterScope Scope(RecordRow record, RequestInfo? request = null, bool rules = true) =>
        new(record, request ?? RequestInfo.Guest, new FixedTime(), this) { AllowHiddenFields = rules };

    public static RequestInfo Request(RecordRow? auth, JsonObject? body = null) => new(
        auth, "POST", "default",
        new Dictionary<string, string> { ["page"] = "2" },
        new Dictionary<string, string> { ["x_token"] = "T0K", ["user_agent"] = "tests" },
        body ?? []);

    public Collection? FindCollection(string idOrName) =>
        new[] { Users, Posts, Comments }.FirstOrDefault(c => c.Id == idOrName || c.Name == idOrName);

    public RecordRow? Find(Collection collection, string id) =>
        Rows.FirstOrDefault(r => r.Collection.Id == collection.Id && r.Id == id);

    public IReadOnlyList<RecordRow> FindReferencing(Collection collection, string relationField, string id) =>
        Rows.Where(r => r.Collection.Id == collection.Id && (r.Values.GetValueOrDefault(relationField) as string ?? "").Contains(id, StringComparison.Ordinal)).ToArray();

    private RecordRow Add(Collection collection, Dictionary<string, object?> values)
    {
        var row = new RecordRow(collection, values);
        Rows.Add(row);
        return row;
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}

internal sealed record RecordFixtureRows(RecordRow Alice, RecordRow Bob, RecordRow Post);
