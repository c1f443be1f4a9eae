using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Query.Sql;
using SharpBase.Core.Records;
using Xunit;

namespace SharpBase.Core.Tests.Query.Sql;

public sealed class SqliteFilterSqlTests(SqliteFilterSqlFixture fixture) : FilterSqlTests(fixture), IClassFixture<SqliteFilterSqlFixture>;

public sealed class PostgresFilterSqlTests(PostgresFilterSqlFixture fixture) : FilterSqlTests(fixture), IClassFixture<PostgresFilterSqlFixture>;

/// <summary>Filters compiled to SQL and run against the fixture's records; each test asserts which posts come back.</summary>
public abstract partial class FilterSqlTests(FilterSqlFixture fixture)
{
    protected FilterSqlFixture Fixture => fixture;

    protected FilterContext Context(FilterMode mode = FilterMode.Rule, RequestInfo? request = null, string collection = "posts") =>
        new(fixture.Collection(collection), "r", fixture.Schema, request ?? RequestInfo.Guest, fixture.Database.Dialect, fixture.Time, mode);

    protected static RequestInfo Request(RecordRow? auth = null, JsonObject? body = null) => new(
        auth, "POST", "default",
        new Dictionary<string, string> { ["page"] = "2" },
        new Dictionary<string, string> { ["x_token"] = "T0K" },
        body ?? []);

    /// <summary>The ids of the rows of <paramref name="collection"/> matching <paramref name="filter"/>, sorted.</summary>
    protected Task<string> IdsAsync(string filter, FilterMode mode = FilterMode.Rule, RequestInfo? request = null, string collection = "posts") =>
        RunAsync(FilterCompiler.Compile(filter, Context(mode, request, collection)), collection);

    protected async Task<string> RunAsync(SqlFilter filter, string collection = "posts", string? orderBy = null, IReadOnlyList<string>? extraWhere = null)
    {
        var dialect = fixture.Database.Dialect;
        var table = dialect.QuoteIdentifier(collection);
        var where = string.Join(" AND ", new[] { filter.WhereSql }.Concat(extraWhere ?? []));
        var sql = orderBy is null
            ? $"SELECT DISTINCT \"r\".\"id\" FROM {table} \"r\" {string.Join(" ", filter.Joins)} WHERE {where} ORDER BY 1"
            : $"SELECT \"r\".\"id\" FROM {table} \"r\" {string.Join(" ", filter.Joins)} WHERE {where} GROUP BY \"r\".\"id\" ORDER BY {orderBy}";
        var ids = await fixture.Database.ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command(sql);
            filter.AddParametersTo(command, dialect);
            var list = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                list.Add(reader.GetString(0));
            }

            return list;
        }, TestContext.Current.CancellationToken);
        return string.Join(",", ids);
    }

    /// <summary>The ids in the order of <paramref name="sort"/> (a filter that keeps every row).</summary>
    protected async Task<string> SortedAsync(string sort, FilterMode mode = FilterMode.Rule)
    {
        var context = Context(mode);
        var filter = FilterCompiler.Compile("id != ''", context);
        var orderBy = SortCompiler.Compile(sort, context);
        var final = filter with { Joins = context.State.Joins, Parameters = context.State.Parameters };
        return await RunAsync(final, orderBy: orderBy, extraWhere: context.State.PendingConditions);
    }

    protected static T Fails<T>(Action action) where T : ApiException => Assert.Throws<T>(action);

    [Theory]
    [InlineData("title = \"Hello World\"", "p1")]
    [InlineData("title = \"\"", "p3")]
    [InlineData("title = null", "p3")]
    [InlineData("title != \"\"", "p1,p2,p4,p5")]
    [InlineData("title != null", "p1,p2,p4,p5")]
    [InlineData("\"\" = title", "p3")]
    [InlineData("null = null", "p1,p2,p3,p4,p5")]
    [InlineData("'' != null", "")]
    [InlineData("author = \"\"", "p2")]
    [InlineData("author.name = \"Ann\"", "p1,p4")]
    [InlineData("author.name = \"\"", "p2")]
    [InlineData("author.name != \"Ann\"", "p2,p3,p5")]
    [InlineData("author.id = \"a1\"", "p1,p4")]
    [InlineData("author.age > 18", "p1,p4")]
    [InlineData("note = vault", "p2,p3,p4,p5")]
    [InlineData("title = status", "")]
    [InlineData("status = \"live\"", "p1,p4")]
    [InlineData("status = \"\"", "p2,p5")]
    [InlineData("status != \"live\"", "p2,p3,p5")]
    [InlineData("parent.title = \"Hello World\"", "p2")]
    [InlineData("parent.parent.parent.parent.parent.parent.title = \"x\"", "")]
    public async Task Equality_FoldsNullAndEmpty(string filter, string expected) => Assert.Equal(expected, await IdsAsync(filter));

    [Theory]
    [InlineData("views = 10", "p1")]
    [InlineData("views = \"10\"", "p1")]
    [InlineData("views = 5.5", "p3")]
    [InlineData("views > 5", "p1,p3,p5")]
    [InlineData("views >= \"5.5\"", "p1,p3,p5")]
    [InlineData("views < 0", "p4")]
    [InlineData("views <= -3", "p4")]
    [InlineData("views > \"abc\"", "")]
    [InlineData("views < \"abc\"", "p1,p2,p3,p4,p5")]
    [InlineData("views != 10", "p2,p3,p4,p5")]
    [InlineData("views > views", "")]
    [InlineData("views >= views", "p1,p2,p3,p4,p5")]
    [InlineData("title = 5", "")]
    [InlineData("title > 5", "p1,p2,p4,p5")]
    [InlineData("published = true", "p1,p3")]
    [InlineData("published = false", "p2,p4,p5")]
    [InlineData("published = 1", "p1,p3")]
    [InlineData("published = \"1\"", "p1,p3")]
    [InlineData("published = \"true\"", "")]
    [InlineData("published != true", "p2,p4,p5")]
    [InlineData("published > 0", "p1,p3")]
    [InlineData("when >= \"2024-01-01\"", "p1,p4")]
    [InlineData("when < \"2024\"", "p2,p3,p5")]
    [InlineData("when = \"\"", "p2,p5")]
    [InlineData("when != \"\"", "p1,p3,p4")]
    [InlineData("when > \"2024-01-15 08:30:00.000Z\"", "p4")]
    [InlineData("when = \"2024-01-15 08:30:00.000Z\"", "p1")]
    public async Task Comparison_FollowsSqliteTyping(string filter, string expected) => Assert.Equal(expected, await IdsAsync(filter));

    [Theory]
    [InlineData("title ~ \"hello\"", "p1")]
    [InlineData("title ~ \"WORLD\"", "p1")]
    [InlineData("title ~ \"50%\"", "p2")]
    [InlineData("title ~ \"%sale\"", "p2")]
    [InlineData("title ~ \"off_sale\"", "p2")]
    [InlineData("title ~ \"o_f\"", "")]
    [InlineData("title ~ \"100% _x\"", "")]
    [InlineData("title ~ \"k\\\\s\"", "p5")]
    [InlineData("title ~ \"% _x_\"", "p5")]
    [InlineData("title !~ \"o\"", "p3,p5")]
    [InlineData("title ~ \"Ünï\"", "p4")]
    [InlineData("title ~ \"ünï\"", "")]
    [InlineData("title ~ \"ÜNÏ\"", "")]
    [InlineData("title ~ \"'quote' --\"", "p4")]
    [InlineData("title ~ \"; drop\"", "p4")]
    [InlineData("status ~ title", "p3")]
    [InlineData("labels ~ \"a\"", "p1,p4")]
    [InlineData("views ~ \"5\"", "p3")]
    [InlineData("title ~ \"x\\\\\"", "")]
    [InlineData("title !~ \"%x\\\\\"", "p1,p2,p3,p4,p5")]
    public async Task Like_EscapesAndIgnoresAsciiCase(string filter, string expected) => Assert.Equal(expected, await IdsAsync(filter));

    [Theory]
    [InlineData("tags.name = \"red\"", "p4")]
    [InlineData("tags.name ?= \"red\"", "p1,p4,p5")]
    [InlineData("tags.name ?= \"Red\"", "p5")]
    [InlineData("tags.name != \"red\"", "p2,p3")]
    [InlineData("tags.name ?!= \"red\"", "p1,p2,p3,p5")]
    [InlineData("tags.name ~ \"re\"", "p1,p3,p4,p5")]
    [InlineData("tags.name ?~ \"gr\"", "p1,p3")]
    [InlineData("tags.name !~ \"re\"", "")]
    [InlineData("tags.name ?!~ \"d\"", "p1,p3")]
    [InlineData("tags.id ?= \"t3\"", "p5")]
    [InlineData("tags.name > \"a\"", "p1,p3,p4")]
    [InlineData("tags.name ?< \"h\"", "p1,p3,p5")]
    [InlineData("labels:each = \"a\"", "p4")]
    [InlineData("labels:each ?= \"b\"", "p1")]
    [InlineData("labels:each != \"a\"", "p2,p3,p5")]
    [InlineData("labels:length = 2", "p1")]
    [InlineData("labels:length = 0", "p2,p5")]
    [InlineData("status:length = 1", "p1,p3,p4")]
    [InlineData("tags:length > 1", "p1,p5")]
    [InlineData("status:each = \"live\"", "p1,p4")]
    [InlineData("comments_via_post.text = \"great\"", "")]
    [InlineData("comments_via_post.text ?= \"great\"", "p1")]
    [InlineData("comments_via_post.text ?= \"ok\"", "p3")]
    [InlineData("comments_via_post.id = \"\"", "p2,p4,p5")]
    [InlineData("likes_via_post.id ?!= \"\"", "p1,p3")]
    [InlineData("likes_via_post.id ?= \"l2\"", "p1")]
    [InlineData("tags.name ?= comments_via_post.text", "p2")]
    [InlineData("tags.name = tags.name", "p2,p3,p4")]
    [InlineData("title:lower = \"hello world\"", "p1")]
    [InlineData("author.name:lower = \"ann\"", "p1,p4")]
    [InlineData("tags.name:lower ?= \"red\"", "p1,p4,p5")]
    [InlineData("tags.name:lower = \"red\"", "p4,p5")]
    public async Task MultiMatch_PlainIsEveryItemAndAnyIsSome(string filter, string expected) => Assert.Equal(expected, await IdsAsync(filter));

    [Theory]
    [InlineData("@collection.tags.name ?= \"green\"", "p1,p2,p3,p4,p5")]
    [InlineData("@collection.tags.name = \"green\"", "")]
    [InlineData("@collection.comments.post ?= id && @collection.comments.text ?= \"ok\"", "p3")]
    [InlineData("@collection.comments.post ?= id && @collection.comments.text ?= \"great\"", "p1")]
    [InlineData("@collection.comments:a.post ?= id && @collection.comments:b.text ?= \"ok\"", "p1,p3")]
    [InlineData("@collection.authors.age > 10", "p1,p2,p3,p4,p5")]
    [InlineData("@collection.pbc_authors.age > 20", "")]
    public async Task CollectionJoins_HaveNoJoinCondition(string filter, string expected) => Assert.Equal(expected, await IdsAsync(filter));
}
