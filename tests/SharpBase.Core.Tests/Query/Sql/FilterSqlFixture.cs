using SharpBase.Core.Common;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Core.Tests.Auth;
using SharpBase.Core.Tests.Storage;
using SharpBase.Storage;
using Xunit;

namespace SharpBase.Core.Tests.Query.Sql;

/// <summary>
/// One database per test class with the collections people (auth), tags, authors, vault (list rule null), posts,
/// comments and likes, and a fixed set of records (see <see cref="SeedAsync"/>).
/// </summary>
public abstract class FilterSqlFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2024, 2, 14, 13, 45, 30, 123, TimeSpan.Zero); // a Wednesday

    private readonly DatabaseFixture _database;

    protected FilterSqlFixture(DatabaseFixture database) => _database = database;

    public Database Database => _database.Database;

    public ManualTimeProvider Time { get; } = new(Now);

    public SchemaSnapshot Schema { get; private set; } = SchemaSnapshot.Empty;

    public Dictionary<string, RecordRow> People { get; } = [];

    public Collection Collection(string name) => Schema.Find(name)!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var normalizer = new CollectionNormalizer(SecureRandomSource.Instance, Time);
        var collections = Definitions().Select(c => normalizer.ForCreate(c)).ToArray();
        Schema = new SchemaSnapshot(collections);
        await Database.WriteAsync(async (session, ct) =>
        {
            foreach (var collection in collections)
            {
                await using var command = session.Command(Database.Dialect.CreateTable(collection.ToTable()));
                await command.ExecuteNonQueryAsync(ct);
            }

            await SeedAsync(new RecordStore(Database), session, ct);
            return true;
        }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static IEnumerable<Collection> Definitions()
    {
        yield return new Collection { Id = "pbc_people", Name = "people", Type = CollectionType.Auth, ListRule = "", Fields = [new TextField { Name = "name" }] };
        yield return new Collection { Id = "pbc_tags", Name = "tags", ListRule = "", Fields = [new TextField { Name = "name" }] };
        yield return new Collection
        {
            Id = "pbc_authors", Name = "authors", ListRule = "age >= 18",
            Fields = [new TextField { Name = "name" }, new NumberField { Name = "age" }, new TextField { Name = "secret", Hidden = true }],
        };
        yield return new Collection { Id = "pbc_vault", Name = "vault", ListRule = null, Fields = [new TextField { Name = "code" }] };
        yield return new Collection
        {
            Id = "pbc_posts", Name = "posts", ListRule = "",
            Fields =
            [
                new TextField { Name = "title" }, new NumberField { Name = "views" }, new BoolField { Name = "published" },
                new DateField { Name = "when" }, new JsonField { Name = "data" }, new GeoPointField { Name = "loc" },
                new SelectField { Name = "status", MaxSelect = 1, Values = ["live", "draft"] },
                new SelectField { Name = "labels", MaxSelect = 3, Values = ["a", "b", "c"] },
                new RelationField { Name = "tags", CollectionId = "pbc_tags", MaxSelect = 5 },
                new RelationField { Name = "author", CollectionId = "pbc_authors", MaxSelect = 1 },
                new RelationField { Name = "owner", CollectionId = "pbc_people", MaxSelect = 1 },
                new RelationField { Name = "vault", CollectionId = "pbc_vault", MaxSelect = 1 },
                new RelationField { Name = "parent", CollectionId = "pbc_posts", MaxSelect = 1 },
                new TextField { Name = "note", Hidden = true },
            ],
        };
        yield return new Collection
        {
            Id = "pbc_comments", Name = "comments", ListRule = "",
            Fields = [new TextField { Name = "text" }, new RelationField { Name = "post", CollectionId = "pbc_posts", MaxSelect = 1 }],
        };
        yield return new Collection
        {
            Id = "pbc_likes", Name = "likes", ListRule = "",
            Fields = [new RelationField { Name = "post", CollectionId = "pbc_posts", MaxSelect = 5 }],
        };
    }

    private async Task SeedAsync(RecordStore store, DbSession session, CancellationToken ct)
    {
        async Task Add(string collection, Dictionary<string, object?> values)
        {
            var c = Collection(collection);
            foreach (var field in c.Fields.Where(f => !values.ContainsKey(f.Name)))
            {
                values[field.Name] = field switch
                {
                    MultiValueField { IsMultiple: true } => "[]",
                    GeoPointField => GeoPointField.EmptyJson,
                    NumberField => 0.0,
                    BoolField => false,
                    DateField or AutodateField or JsonField => null,
                    _ => "",
                };
            }

            await store.InsertAsync(session, c, values, ct);
            if (collection == "people")
            {
                People[(string)values["id"]!] = new RecordRow(c, values);
            }
        }

        await Add("people", new() { ["id"] = "u1", ["email"] = "u1@x.io", ["emailVisibility"] = true, ["verified"] = true, ["name"] = "Uma", ["tokenKey"] = "k1" });
        await Add("people", new() { ["id"] = "u2", ["email"] = "u2@x.io", ["emailVisibility"] = false, ["name"] = "Vic", ["tokenKey"] = "k2" });
        await Add("tags", new() { ["id"] = "t1", ["name"] = "red" });
        await Add("tags", new() { ["id"] = "t2", ["name"] = "green" });
        await Add("tags", new() { ["id"] = "t3", ["name"] = "Red" });
        await Add("authors", new() { ["id"] = "a1", ["name"] = "Ann", ["age"] = 30.0, ["secret"] = "s1" });
        await Add("authors", new() { ["id"] = "a2", ["name"] = "Bob", ["age"] = 15.0, ["secret"] = "s2" });
        await Add("vault", new() { ["id"] = "v1", ["code"] = "X" });
        await Add("posts", new()
        {
            ["id"] = "p1", ["title"] = "Hello World", ["views"] = 10.0, ["published"] = true, ["when"] = new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.Zero),
            ["data"] = """{"a":{"b":[10,"x",true,null]},"n":null,"s":"","num":5}""", ["loc"] = """{"lon":23.32,"lat":42.69}""", ["status"] = "live",
            ["labels"] = """["a","b"]""", ["tags"] = """["t1","t2"]""", ["author"] = "a1", ["owner"] = "u1", ["vault"] = "v1", ["note"] = "n1",
        });
        await Add("posts", new() { ["id"] = "p2", ["title"] = "50% off_sale", ["owner"] = "u2", ["parent"] = "p1" });
        await Add("posts", new()
        {
            ["id"] = "p3", ["title"] = "", ["views"] = 5.5, ["published"] = true, ["when"] = new DateTimeOffset(2023, 6, 1, 12, 0, 0, TimeSpan.Zero),
            ["data"] = """{"a":{"b":[1]},"num":"5"}""", ["loc"] = """{"lon":23.3,"lat":42.7}""", ["status"] = "draft", ["labels"] = """["c"]""",
            ["tags"] = """["t2"]""", ["author"] = "a2",
        });
        await Add("posts", new()
        {
            ["id"] = "p4", ["title"] = "Ünïcödé 'quote' -- ; drop", ["views"] = -3.0, ["when"] = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
            ["data"] = "[1,2]", ["status"] = "live", ["labels"] = """["a"]""", ["tags"] = """["t1"]""", ["author"] = "a1", ["owner"] = "u1",
        });
        await Add("posts", new()
        {
            ["id"] = "p5", ["title"] = "back\\slash and 100% _x_", ["views"] = 100.0, ["data"] = """{"num":5.5}""", ["tags"] = """["t1","t3"]""", ["author"] = "a2",
        });
        await Add("comments", new() { ["id"] = "c1", ["text"] = "great", ["post"] = "p1" });
        await Add("comments", new() { ["id"] = "c2", ["text"] = "meh", ["post"] = "p1" });
        await Add("comments", new() { ["id"] = "c3", ["text"] = "ok", ["post"] = "p3" });
        await Add("likes", new() { ["id"] = "l1", ["post"] = """["p1","p3"]""" });
        await Add("likes", new() { ["id"] = "l2", ["post"] = """["p1"]""" });
    }
}

public sealed class SqliteFilterSqlFixture() : FilterSqlFixture(new SqliteFixture());

public sealed class PostgresFilterSqlFixture() : FilterSqlFixture(new PostgresFixture());
