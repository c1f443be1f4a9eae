using System.Text.Json.Nodes;
using SharpBase.Core.Query;
using Xunit;

namespace SharpBase.Core.Tests.Query.Sql;

/// <summary>
/// Places where the SQL compiler and the in-memory evaluator held two copies of one rule and drifted apart (reshape
/// issue, item 6). Each case states PocketBase's answer and requires it from SQLite, PostgreSQL and the evaluator.
/// </summary>
public sealed class FilterDriftTests(FilterPropertyFixture fixture) : IClassFixture<FilterPropertyFixture>
{
    [Fact]
    public async Task NumberInALikePattern_IsGoText()
    {
        // PocketBase binds cast.ToString(0.00001) = "0.00001" (strconv 'f', -1), never "1E-05".
        await AssertSelectsAsync("r0", "title ~ 0.00001", [Item("r0", title: "a0.00001b"), Item("r1", title: "1E-05")]);
        await AssertSelectsAsync("r0", "title ~ 100000000000000000000", [Item("r0", title: "x100000000000000000000"), Item("r1", title: "1E+20")]);
    }

    [Fact]
    public async Task LowerOfABodyField_IsGoText()
    {
        // A body value of a collection field under :lower is LOWER(cast.ToString(value)).
        var request = Request(new JsonObject { ["views"] = 0.00001, ["published"] = true });
        await AssertSelectsAsync("r0", "@request.body.views:lower = \"0.00001\" && @request.body.published:lower = \"true\"", [Item("r0")], request);
    }

    [Fact]
    public async Task FieldNames_AreCaseSensitive()
    {
        // PocketBase's Fields.GetByName is an exact match: "Title" is not "title".
        await AssertSelectsAsync("error", "Title = 'a'", [Item("r0", title: "a")]);
        await AssertSelectsAsync("error", "rel.Title = 'a'", [Item("r0", rel: "r1"), Item("r1", title: "a")]);
    }

    [Fact]
    public async Task EachThroughARelation_IsItsOwnJoin()
    {
        // rel.labels:each and labels:each are two joins; pairing their rows by position would lose r0.
        await AssertSelectsAsync("r0", "rel.labels:each ?= 'a' && labels:each ?= 'b'",
            [Item("r0", labels: "[\"B\",\"b\"]", rel: "r1"), Item("r1", labels: "[\"a\"]")]);
    }

    [Fact]
    public async Task ComparisonsThroughOneMultipleRelation_ShareItsRows()
    {
        // The joins of a filter are shared: both comparisons see the same related row, as in PocketBase's SQL.
        GeneratedRecord[] records = [Item("r0", rels: "[\"r1\",\"r2\"]"), Item("r1", title: "a", views: 1), Item("r2", title: "b", views: 2)];
        await AssertSelectsAsync("", "rels.title ?= 'a' && rels.title ?= 'b'", records);
        await AssertSelectsAsync("r0", "rels.title ?= 'a' && rels.views ?= 1", records);
        await AssertSelectsAsync("", "rels.title ?= 'a' && rels.views ?= 2", records);
        await AssertSelectsAsync("", "items_via_rels.title ?= 'a' && items_via_rels.title ?= 'b'", records);
        await AssertSelectsAsync("r1,r2", "items_via_rels.title ?= '' && items_via_rels.rels:length ?= 2", records);
    }

    private static GeneratedRecord Item(string id, string title = "", double views = 0, string labels = "[]", string rel = "", string rels = "[]") =>
        new(id, title, views, false, null, "", labels, null, rel, rels);

    private static RequestInfo Request(JsonObject body) =>
        RequestInfo.Guest with { Method = "POST", Body = body };

    private async Task AssertSelectsAsync(string expected, string filter, GeneratedRecord[] records, RequestInfo? request = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = await fixture.ReplaceAsync(records, ct);
        var sqlite = Outcome(await fixture.SelectAsync(fixture.Sqlite, filter, ct, request));
        var postgres = Outcome(await fixture.SelectAsync(fixture.Postgres, filter, ct, request));
        var evaluated = Outcome(fixture.Evaluate(rows, filter, request));
        Assert.Equal((filter, expected, expected, expected), (filter, sqlite, postgres, evaluated));
    }

    private static string Outcome(string ids) => ids.StartsWith("error", StringComparison.Ordinal) ? "error" : ids;
}
