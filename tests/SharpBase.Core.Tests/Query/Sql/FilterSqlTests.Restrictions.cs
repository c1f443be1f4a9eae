using SharpBase.Core.Errors;
using SharpBase.Core.Query.Sql;
using SharpBase.Core.Query.Syntax;
using Xunit;

namespace SharpBase.Core.Tests.Query.Sql;

/// <summary>What a non-superuser's filter may touch, and the sort.</summary>
public abstract partial class FilterSqlTests
{
    [Theory]
    [InlineData("@request.auth.id = \"\"", "@request.")]
    [InlineData("@collection.tags.name = \"x\"", "@collection.")]
    [InlineData("title = \"@request.x\"", "@request.")]
    [InlineData("@request.auth.id = '' && @collection.tags.name = ''", "@collection.")]
    public void ClientFilter_RequestOrCollection_Is403(string filter, string prefix)
    {
        var error = Assert.Throws<ForbiddenException>(() => FilterCompiler.Compile(filter, Context(FilterMode.ClientFilter)));
        Assert.Equal(403, error.Status);
        Assert.Equal("Only superusers can filter by " + prefix, error.Message);
    }

    [Theory]
    [InlineData("note = \"n1\"", "non-filterable")]
    [InlineData("author.secret = \"s1\"", "non-filterable")]
    [InlineData("owner.password = \"\"", "non-filterable")]
    [InlineData("owner.tokenKey = \"k1\"", "non-filterable")]
    [InlineData("vault.code = \"X\"", "allowHiddenFields")]
    [InlineData("unknown = 1", "unknown field")]
    [InlineData("title:bogus = 1", "unknown modifier")]
    [InlineData("parent.parent.parent.parent.parent.parent.parent.title = \"x\"", "max nested relations")]
    [InlineData("nope_via_post.text = 1", "back relation")]
    [InlineData("strftime(title) = 1", "format string")]
    [InlineData("geoDistance(1, 2, 3) = 1", "expected 4 arguments")]
    public void ClientFilter_Unresolvable_Is400BeforeAnyQuery(string filter, string reason)
    {
        var error = Assert.Throws<BadRequestException>(() => FilterCompiler.Compile(filter, Context(FilterMode.ClientFilter)));
        Assert.Equal(400, error.Status);
        Assert.Equal(FilterErrors.GenericMessage, error.Message);
        Assert.Contains(reason, (string)error.Data["reason"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("author.name = \"Ann\"", FilterMode.ClientFilter, "p1,p4")]
    [InlineData("author.name != \"x\"", FilterMode.ClientFilter, "p1,p2,p4")]
    [InlineData("author.name != \"x\"", FilterMode.Rule, "p1,p2,p3,p4,p5")]
    [InlineData("owner.email = \"u2@x.io\"", FilterMode.ClientFilter, "")]
    [InlineData("owner.email = \"u1@x.io\"", FilterMode.ClientFilter, "p1,p4")]
    [InlineData("owner.email = \"u2@x.io\"", FilterMode.Rule, "p2")]
    [InlineData("vault.code = \"X\"", FilterMode.Rule, "p1")]
    [InlineData("note = \"n1\"", FilterMode.Superuser, "p1")]
    [InlineData("tags.name ?= \"red\"", FilterMode.ClientFilter, "p1,p4,p5")]
    public async Task ClientFilter_AppliesJoinedListRulesAndEmailVisibility(string filter, FilterMode mode, string expected) =>
        Assert.Equal(expected, await IdsAsync(filter, mode));

    [Theory]
    [InlineData("email = \"u2@x.io\"", "")]
    [InlineData("email ~ \"x.io\"", "u1")]
    [InlineData("email != \"\"", "u1")]
    public async Task ClientFilter_AuthEmail_OnlyWhenVisible(string filter, string expected) =>
        Assert.Equal(expected, await IdsAsync(filter, FilterMode.ClientFilter, collection: "people"));

    [Theory]
    [InlineData("title", "p3,p2,p1,p5,p4")]
    [InlineData("+title", "p3,p2,p1,p5,p4")]
    [InlineData("-views", "p5,p1,p3,p2,p4")]
    [InlineData("author.name,-views", "p2,p1,p4,p5,p3")]
    [InlineData("-@rowid", "p5,p4,p3,p2,p1")]
    [InlineData("@rowid", "p1,p2,p3,p4,p5")]
    [InlineData("data.num,id", "p2,p4,p1,p5,p3")]
    [InlineData("when,id", "p2,p5,p3,p1,p4")]
    [InlineData("published,-views", "p5,p2,p4,p1,p3")]
    [InlineData(" -views , title ", "p5,p1,p3,p2,p4")]
    [InlineData("status:length,id", "p2,p5,p1,p3,p4")]
    public async Task Sort_OrdersLikeSqlite(string sort, string expected) => Assert.Equal(expected, await SortedAsync(sort));

    [Fact]
    public async Task Sort_Random_KeepsEveryRow()
    {
        var ids = (await SortedAsync("@random")).Split(',').Order().ToArray();
        Assert.Equal(["p1", "p2", "p3", "p4", "p5"], ids);
    }

    [Fact]
    public async Task Sort_ClientSortThroughRelation_AppliesTheListRule() =>
        Assert.Equal("p2,p1,p4", await SortedAsync("author.name,id", FilterMode.ClientFilter));

    [Theory]
    [InlineData("@now")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("unknown")]
    [InlineData("@request.auth.id")]
    [InlineData("a,b,c,d,e,f,g,h,i")]
    public void Sort_InvalidField_Is400(string sort)
    {
        var error = Assert.Throws<BadRequestException>(() => SortCompiler.Compile(sort, Context()));
        Assert.Equal(FilterErrors.GenericMessage, error.Message);
    }

    [Fact]
    public void Sort_Limits_AreNamedConstants()
    {
        var longName = new string('a', FilterLimits.MaxSortFieldLength + 1);
        Assert.Throws<BadRequestException>(() => SortCompiler.Compile(longName, Context()));
        var nine = string.Join(",", Enumerable.Repeat("title", FilterLimits.MaxSortTerms + 1));
        Assert.Throws<BadRequestException>(() => SortCompiler.Compile(nine, Context()));
        Assert.NotEmpty(SortCompiler.Compile(string.Join(",", Enumerable.Repeat("title", FilterLimits.MaxSortTerms)), Context()));
    }

    [Theory]
    [InlineData("note")]
    [InlineData("author.secret")]
    public void Sort_ClientHiddenField_Is400(string sort) =>
        Assert.Throws<BadRequestException>(() => SortCompiler.Compile(sort, Context(FilterMode.ClientFilter)));

    [Fact]
    public void Sort_ClientRequest_Is403() =>
        Assert.Throws<ForbiddenException>(() => SortCompiler.Compile("@request.auth.id", Context(FilterMode.ClientFilter)));
}
