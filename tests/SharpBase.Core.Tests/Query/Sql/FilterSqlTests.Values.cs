using System.Text.Json.Nodes;
using SharpBase.Core.Query.Sql;
using Xunit;

namespace SharpBase.Core.Tests.Query.Sql;

/// <summary>JSON paths, functions, macros and @request values.</summary>
public abstract partial class FilterSqlTests
{
    [Theory]
    [InlineData("data.a.b.0 = 10", "p1")]
    [InlineData("data.a.b.1 = \"x\"", "p1")]
    [InlineData("data.a.b.2 = true", "p1")]
    [InlineData("data.a.b.3 = null", "p1,p2,p3,p4,p5")]
    [InlineData("data.num = 5", "p1")]
    [InlineData("data.num = \"5\"", "p3")]
    [InlineData("data.num > 5", "p3,p5")]
    [InlineData("data.num < 6", "p1,p5")]
    [InlineData("data.s = \"\"", "p1")]
    [InlineData("data.missing != null", "")]
    [InlineData("data = null", "p2")]
    [InlineData("data != null", "p1,p3,p4,p5")]
    [InlineData("data.0 = 1", "p4")]
    [InlineData("loc.lon > 23", "p1,p3")]
    [InlineData("loc.lat = 42.69", "p1")]
    [InlineData("data.num ~ \"5\"", "p1,p3,p5")]
    public async Task JsonPaths_CompareJsonValues(string filter, string expected) => Assert.Equal(expected, await IdsAsync(filter));

    [Theory]
    [InlineData("geoDistance(loc.lon, loc.lat, 23.33, 42.69) < 1", "p1")]
    [InlineData("geoDistance(loc.lon, loc.lat, 23.33, 42.69) < 5", "p1,p3")]
    [InlineData("geoDistance(loc.lon, loc.lat, 23.33, 42.69) > 100", "p2,p4,p5")]
    [InlineData("geoDistance(23.33, 42.69, loc.lon, loc.lat) < 5", "p1,p3")]
    [InlineData("strftime('%Y-%m', when) = '2024-01'", "p1")]
    [InlineData("strftime('%Y', when) = '2024'", "p1,p4")]
    [InlineData("strftime('%Y', when) = ''", "p2,p5")]
    [InlineData("strftime('%Y-%m-%d', when, '+1 day') = '2024-01-16'", "p1")]
    [InlineData("strftime('%Y-%m-%d', when, '-2 months') = '2023-11-15'", "p1")]
    [InlineData("strftime('%w', when) = '1'", "p1")]
    [InlineData("strftime('%Y-%m-%d', when, 'start of month') = '2024-03-01'", "p4")]
    [InlineData("strftime('%H:%M', when) = '08:30'", "p1")]
    [InlineData("strftime('%j', when) = '015'", "p1")]
    [InlineData("strftime('%Y', '2024-05-05') = '2024'", "p1,p2,p3,p4,p5")]
    [InlineData("strftime('%Y') = '2024'", "p1,p2,p3,p4,p5")]
    public async Task Functions_MatchSqlite(string filter, string expected) => Assert.Equal(expected, await IdsAsync(filter));

    [Theory]
    [InlineData("@now = \"2024-02-14 13:45:30.123Z\"")]
    [InlineData("@yesterday = \"2024-02-13 13:45:30.123Z\"")]
    [InlineData("@tomorrow = \"2024-02-15 13:45:30.123Z\"")]
    [InlineData("@todayStart = \"2024-02-14 00:00:00.000Z\"")]
    [InlineData("@todayEnd = \"2024-02-14 23:59:59.999Z\"")]
    [InlineData("@monthStart = \"2024-02-01 00:00:00.000Z\"")]
    [InlineData("@monthEnd = \"2024-02-29 23:59:59.999Z\"")]
    [InlineData("@yearStart = \"2024-01-01 00:00:00.000Z\"")]
    [InlineData("@yearEnd = \"2024-12-31 23:59:59.999Z\"")]
    [InlineData("@second = 30 && @minute = 45 && @hour = 13")]
    [InlineData("@day = 14 && @month = 2 && @weekday = 3 && @year = 2024")]
    public async Task Macros_UseTheClock(string filter) => Assert.Equal("p1,p2,p3,p4,p5", await IdsAsync(filter));

    [Theory]
    [InlineData("when < @now", "p1,p2,p3,p5")]
    [InlineData("when >= @yearStart", "p1,p4")]
    [InlineData("title = @hour", "")]
    [InlineData("@hour = \"13\"", "")]
    public async Task Macros_CompareWithColumns(string filter, string expected) => Assert.Equal(expected, await IdsAsync(filter));

    [Theory]
    [InlineData(null, "@request.auth.id = owner", "p3,p5")]
    [InlineData(null, "@request.auth.id != \"\"", "")]
    [InlineData(null, "@request.auth.name = \"\"", "p1,p2,p3,p4,p5")]
    [InlineData("u1", "@request.auth.id = owner", "p1,p4")]
    [InlineData("u1", "@request.auth.id != \"\"", "p1,p2,p3,p4,p5")]
    [InlineData("u1", "@request.auth.name = \"Uma\"", "p1,p2,p3,p4,p5")]
    [InlineData("u1", "@request.auth.collectionName = \"people\" && @request.auth.collectionId = \"pbc_people\"", "p1,p2,p3,p4,p5")]
    [InlineData("u1", "@request.auth.verified = true && @request.auth.emailVisibility = true", "p1,p2,p3,p4,p5")]
    [InlineData("u1", "@request.auth.email = \"u1@x.io\"", "p1,p2,p3,p4,p5")]
    [InlineData("u1", "@request.auth.name = owner.name", "p1,p4")]
    [InlineData("u1", "@request.auth.tokenKey = \"k1\"", "p1,p2,p3,p4,p5")]
    [InlineData("u2", "@request.auth.verified = true", "")]
    [InlineData("u2", "@request.auth.name = \"Uma\"", "")]
    public async Task RequestAuth_IsParametersOrAJoinOnTheCallerId(string? auth, string filter, string expected)
    {
        var request = Request(auth is null ? null : Fixture.People[auth]);
        Assert.Equal(expected, await IdsAsync(filter, request: request));
    }

    [Theory]
    [InlineData("@request.body.title = title", "p1")]
    [InlineData("@request.body.views = views", "p1")]
    [InlineData("@request.body.missing:isset = false && @request.body.title:isset = true", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.missing = null", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.nested.k.1 = \"v\" && @request.body.nested.k.0 = 1", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.nested.k.9 = null", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.labels:length = 2", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.labels:each ?= \"b\"", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.labels:each = \"a\"", "")]
    [InlineData("@request.body.labels:each ?= labels:each", "p1,p4")]
    [InlineData("@request.body.title:changed = true", "p2,p3,p4,p5")]
    [InlineData("@request.body.title:changed = false", "p1")]
    [InlineData("@request.body.status:changed = false", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.title:lower = \"hello world\"", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.author.name = \"Ann\"", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.author.name = author.name", "p1,p4")]
    [InlineData("@request.query.page = \"2\" && @request.headers.x_token = \"T0K\"", "p1,p2,p3,p4,p5")]
    [InlineData("@request.method = \"POST\" && @request.context = \"default\"", "p1,p2,p3,p4,p5")]
    [InlineData("@request.query.nope = \"\" && @request.query.nope:isset = false", "p1,p2,p3,p4,p5")]
    [InlineData("@request.body.title ~ title", "p1,p3")]
    public async Task RequestValues_AreParameters(string filter, string expected)
    {
        var body = new JsonObject
        {
            ["title"] = "Hello World", ["views"] = "10", ["labels"] = new JsonArray("a", "b"),
            ["nested"] = new JsonObject { ["k"] = new JsonArray(1, "v") }, ["author"] = "a1",
        };
        Assert.Equal(expected, await IdsAsync(filter, request: Request(body: body)));
    }

    [Fact]
    public void Compile_LiteralsAndRequestValues_NeverAppearInTheSql()
    {
        var body = new JsonObject { ["title"] = "from-body'--" };
        var filter = FilterCompiler.Compile("title = 'Hello World' || @request.body.title = title || title ~ \"x'y\"", Context(request: Request(body: body)));

        Assert.DoesNotContain("Hello World", filter.WhereSql, StringComparison.Ordinal);
        Assert.DoesNotContain("from-body", filter.WhereSql, StringComparison.Ordinal);
        Assert.DoesNotContain("x'y", filter.WhereSql, StringComparison.Ordinal);
        Assert.Contains(filter.Parameters.Values, p => Equals(p.Value, "Hello World"));
        Assert.Contains(filter.Parameters.Values, p => Equals(p.Value, "from-body'--"));
    }

    [Fact]
    public async Task Values_HostileAndLargeText_AreOnlyData()
    {
        var big = new string('x', 100_000) + "'; DROP TABLE \"posts\"; --";
        var request = Request(body: new JsonObject { ["big"] = big });
        Assert.Equal("p1,p2,p3,p4,p5", await IdsAsync("@request.body.big != title", request: request));
        Assert.Equal("", await IdsAsync("title = \"'; DROP TABLE posts; --\" || title = \"\\\"; --\"", request: request));
        Assert.Equal("p1,p2,p3,p4,p5", await IdsAsync("title != \"x\""));
    }
}
