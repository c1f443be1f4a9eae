using System.Text.Json.Nodes;
using SharpBase.Core.Query;
using SharpBase.Core.Query.InMemory;
using SharpBase.Core.Query.Syntax;
using Xunit;

namespace SharpBase.Core.Tests.Query;

public sealed class RecordFilterScopeTests
{
    private readonly RecordScopeFixture _fixture = new();
    private readonly RecordFixtureRows _rows;

    public RecordFilterScopeTests() => _rows = _fixture.Create();

    private bool Post(string filter, RequestInfo? request = null, bool rules = true) =>
        FilterEvaluator.Evaluate(FilterParser.Parse(filter), _fixture.Scope(_rows.Post, request, rules));

    [Theory]
    [InlineData("title = 'Hello World' && views > 40 && published = true")]
    [InlineData("created = '2024-01-15 08:30:00.000Z'")]
    [InlineData("created > '2024-01-01' && created < '2024-02'")]
    [InlineData("title:lower = 'hello world'")]
    [InlineData("tags = '[\"a\",\"b\"]'")]
    [InlineData("tags ~ '\"a\"'")]
    [InlineData("tags:each ?= 'a' && tags:each ?!= 'b'")]
    [InlineData("views:lower = '42' && views ~ '42' && views !~ '.0'")] // a NUMERIC column stores 42.0 as the INTEGER 42
    [InlineData("tags:each ~ '_' || tags:each != 'c'")]
    [InlineData("tags:length = 2 && files:length = 0 && status:length = 1 && editors:length = 2")]
    [InlineData("status:each = 'live' && status = 'live'")]
    [InlineData("files:each = ''")]
    [InlineData("author = 'u1' && author.name = 'Alice' && author.team.name = 'Bob'")]
    [InlineData("editors.name ?= 'Bob' && editors.name != 'Carol'")]
    [InlineData("editors.verified ?= false && editors.name ?= 'Bob'")]
    [InlineData("comments_via_post.text ?~ 'nice' && comments_via_post.id != ''")]
    [InlineData("meta.a.b.0 = 10 && meta.a.b.1 = 'x' && meta.a.b.2 = true && meta.a.b.3 = null")]
    [InlineData("meta.n = null && meta.missing = null && meta.s = '' && meta.s != null && meta.o = '{\"k\":1}'")]
    [InlineData("meta.a.b.9 = null && meta.a.x.y = null")]
    [InlineData("place.lon = 23.32 && place.lat > 42")]
    [InlineData("hidden = 'h'")]
    public void RecordFields(string filter) => Assert.True(Post(filter));

    [Theory]
    [InlineData("tags:each = 'a'")]
    [InlineData("tags:each ?= 'a' && tags:each ?!= 'a'")] // both on the same joined row, as in SQL
    [InlineData("editors.name = 'Bob'")]
    [InlineData("comments_via_post.text ~ 'nice'")]
    [InlineData("meta.s = null")]
    [InlineData("meta.n = ''")]
    // Both comparisons read the same joined editor, as the SQL does (u1 is verified, u2 is not u1).
    [InlineData("editors.verified ?= false && editors.id ?= 'u1'")]
    public void MultiMatchAndJsonFailures(string filter) => Assert.False(Post(filter));

    [Theory]
    [InlineData("unknown = 1", "unknown field \"unknown\"")]
    [InlineData("title.sub = 1", "unknown field \"title.sub\"")]
    [InlineData("author.nope = 1", "unknown field \"nope\"")]
    [InlineData("nope_via_post.text = 1", "unknown field \"nope_via_post\"")]
    [InlineData("title:isset = true", ":isset modifier works only on @request")]
    [InlineData("title:nope = 1", "invalid field modifier")]
    [InlineData("@nope = 1", "unknown identifier \"@nope\"")]
    [InlineData("@collection.users.name = 1", "@collection is not supported")]
    [InlineData("nope(1) = 1", "unknown function \"nope\"")]
    public void UnknownNamesAre400(string filter, string detail)
    {
        var error = Assert.Throws<FilterFieldException>(() => Post(filter));
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void HiddenFieldsAndPrivateEmailsInClientFilters()
    {
        Assert.Throws<FilterFieldException>(() => Post("hidden = 'h'", rules: false));
        Assert.Throws<FilterFieldException>(() => Post("author.secret = 's1'", rules: false));
        Assert.True(Post("author.email = 'alice@example.com'", rules: false));
        var bob = _fixture.Scope(_rows.Bob, rules: false);
        Assert.False(FilterEvaluator.Evaluate(FilterParser.Parse("email = 'bob@example.com'"), bob));
        Assert.False(FilterEvaluator.Evaluate(FilterParser.Parse("email != 'x'"), bob));
        Assert.True(FilterEvaluator.Evaluate(FilterParser.Parse("email = 'bob@example.com'"), _fixture.Scope(_rows.Bob)));
    }

    [Theory]
    [InlineData("@request.auth.id = 'u1' && @request.auth.collectionName = 'users' && @request.auth.collectionId = 'pbc_users'")]
    [InlineData("@request.auth.email = 'alice@example.com' && @request.auth.verified = true && @request.auth.emailVisibility = true")]
    [InlineData("@request.auth.name = 'Alice' && @request.auth.team.name = 'Bob' && @request.auth.secret = 's1'")]
    [InlineData("@request.auth.nope = null && @request.auth.id:isset = true && @request.auth.name:isset = true")]
    [InlineData("author = @request.auth.id && editors:each ?= @request.auth.id")]
    [InlineData("@request.method = 'POST' && @request.context = 'default' && @request.method:lower = 'post'")]
    [InlineData("@request.query.page != 2 && @request.query.page = '2' && @request.query.page:isset = true")] // bound TEXT vs REAL
    [InlineData("@request.query.missing = null && @request.query.missing = '' && @request.query.missing:isset = false")]
    [InlineData("@request.headers.x_token = 'T0K' && @request.headers.x_token:lower = 't0k' && @request.headers.user_agent ~ 'test'")]
    [InlineData("@request.body.title = 'New' && @request.body.title:isset = true && @request.body.views = 7")]
    [InlineData("@request.body.obj.key = 'v' && @request.body.arr.1 = 2 && @request.body.obj.nope = null && @request.body.obj.key:isset = true")]
    [InlineData("@request.body.missing = null && @request.body.missing:isset = false && @request.body.obj.nope:isset = false")]
    [InlineData("@request.body.tags:each ?= 'c' && @request.body.tags:length = 2 && @request.body.tags:each != 'x'")]
    [InlineData("@request.body.title:changed = true && @request.body.status:changed = false && @request.body.views:changed = true")]
    [InlineData("@request.body.published:changed = false && @request.body.tags:changed = true")]
    [InlineData("@request.body.author.name = 'Bob' && @request.body.title:lower ~ 'ne'")]
    [InlineData("@request.nope = null && @request.nope:isset = false")]
    public void RequestValues(string filter)
    {
        var body = new JsonObject
        {
            ["title"] = "New", ["views"] = "7", ["status"] = "live", ["tags"] = new JsonArray("b", "c"),
            ["obj"] = new JsonObject { ["key"] = "v" }, ["arr"] = new JsonArray(1, 2), ["author"] = "u2",
        };
        Assert.True(Post(filter, RecordScopeFixture.Request(_rows.Alice, body)));
    }

    [Theory]
    [InlineData("@request.auth.id = ''")]
    [InlineData("@request.auth.id = null && @request.auth.name = ''")]
    [InlineData("@request.auth.id:isset = false")]
    [InlineData("@request.body.title:changed = false")]
    public void Guests(string filter) => Assert.True(Post(filter));

    [Theory]
    [InlineData("@now = '2024-02-14 13:45:30.123Z'")]
    [InlineData("@yesterday = '2024-02-13 13:45:30.123Z' && @tomorrow = '2024-02-15 13:45:30.123Z'")]
    [InlineData("@todayStart = '2024-02-14 00:00:00.000Z' && @todayEnd = '2024-02-14 23:59:59.999Z'")]
    [InlineData("@monthStart = '2024-02-01 00:00:00.000Z' && @monthEnd = '2024-02-29 23:59:59.999Z'")]
    [InlineData("@yearStart = '2024-01-01 00:00:00.000Z' && @yearEnd = '2024-12-31 23:59:59.999Z'")]
    [InlineData("@second = 30 && @minute = 45 && @hour = 13 && @day = 14 && @month = 2 && @weekday = 3 && @year = 2024")]
    [InlineData("created < @now && created > @yearStart && created < @monthStart")]
    public void Macros(string filter) => Assert.True(Post(filter));

    [Theory]
    [InlineData("strftime('%Y-%m', created) = '2024-01'")]
    [InlineData("strftime('%Y') = '2024' && strftime('%d', 'now') = '14'")]
    [InlineData("strftime('%Y-%m-%d %H:%M:%S', created, '+1 day', 'start of day') = '2024-01-16 00:00:00'")]
    [InlineData("strftime('%j %w %s', created) = '015 1 1705307400'")]
    [InlineData("strftime('%f', '2024-01-01 10:00:05.250Z') = '05.250'")]
    [InlineData("strftime('%Y', 1705307400, 'unixepoch') = '2024'")]
    [InlineData("strftime('%Y', 'garbage') = '' && strftime('%Q', created) = null")]
    [InlineData("strftime('%Y', meta.s) = ''")]
    public void Strftime(string filter) => Assert.True(Post(filter));

    [Theory]
    [InlineData("geoDistance(place.lon, place.lat, 23.32, 42.69) < 0.001")]
    [InlineData("geoDistance(place.lon, place.lat, 24.75, 42.15) > 120 && geoDistance(place.lon, place.lat, 24.75, 42.15) < 140")]
    [InlineData("geoDistance(meta.nope, place.lat, 1, 2) = null")]
    public void GeoDistance(string filter) => Assert.True(Post(filter));

    [Theory]
    [InlineData("geoDistance(1, 2, 3) = 1")]
    [InlineData("geoDistance(1, 2, 3, '4') = 1")]
    [InlineData("strftime(created) = 1")]
    [InlineData("strftime('%Y', strftime('%Y')) = 1")]
    [InlineData("strftime('%Y', created, 5) = 1")]
    public void BadFunctionArguments(string filter) => Assert.Throws<FilterFieldException>(() => Post(filter));
}
