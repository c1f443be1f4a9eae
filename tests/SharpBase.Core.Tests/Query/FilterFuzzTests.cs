using System.Diagnostics;
using System.Text;
using SharpBase.Core.Query.InMemory;
using SharpBase.Core.Query.Syntax;
using Xunit;

namespace SharpBase.Core.Tests.Query;

public sealed class FilterFuzzTests
{
    private static readonly string[] Seeds =
    [
        "title = 'abc' && (count > 5 || count <= -1.5)",
        "@request.auth.id != '' && author.name ?~ \"jo\\\"hn\" // c",
        "strftime('%Y-%m', created, 'start of month') = '2024-01' || geoDistance(a.lon, a.lat, 1, 2,) < 25",
        "tags:each ?!~ 'x%' && (((a = null))) || b != true && c ?>= @now",
        "f(g(h(1, 'x'), y), z) ?<= 3 && comments_via_post.text !~ 'spam'",
    ];

    private const string Alphabet = "abcxyz_@#.:0123456789-'\"\\()=!<>?~&|, \t\r\n/%é\u0000";

    private static void ParseOrSyntaxError(string filter)
    {
        try
        {
            var node = FilterParser.Parse(filter);
            Assert.NotNull(node);
            FilterEvaluator.Evaluate(node, new NullScope());
        }
        catch (FilterSyntaxException e)
        {
            Assert.Equal(400, e.Status);
            Assert.StartsWith("Invalid filter: ", e.Message, StringComparison.Ordinal);
            Assert.EndsWith(".", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SeedsParse()
    {
        foreach (var seed in Seeds)
        {
            Assert.NotNull(FilterParser.Parse(seed));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomStringsOnlyThrowSyntaxErrors(int seed)
    {
        var random = new Random(seed);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 60);
            for (var j = 0; j < length; j++)
            {
                builder.Append(random.Next(10) == 0 ? (char)random.Next(0, 0x3000) : Alphabet[random.Next(Alphabet.Length)]);
            }

            ParseOrSyntaxError(builder.ToString());
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void MutatedFiltersOnlyThrowSyntaxErrors(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
            var mutations = random.Next(1, 5);
            for (var m = 0; m < mutations && text.Length > 0; m++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0:
                        text.Remove(at, 1);
                        break;
                    case 1:
                        text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    case 2:
                        text[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    default:
                        var from = random.Next(text.Length);
                        var count = Math.Min(random.Next(1, 12), text.Length - from);
                        text.Insert(at, text.ToString(from, count));
                        break;
                }
            }

            ParseOrSyntaxError(text.ToString());
        }
    }

    [Fact]
    public void MutatedRecordFiltersOnlyThrowSyntaxErrors()
    {
        var fixture = new RecordScopeFixture();
        var rows = fixture.Create();
        var scope = fixture.Scope(rows.Post, RecordScopeFixture.Request(rows.Alice, new System.Text.Json.Nodes.JsonObject { ["title"] = "x" }));
        string[] seeds =
        [
            "author.team.name = 'Bob' && editors.name ?~ 'b' || comments_via_post.text !~ 'x'",
            "meta.a.b.0 > 5 && tags:each ?= 'a' && @request.body.title:changed = true && @request.auth.id != ''",
            "strftime('%Y-%m', created, '+1 month') = '2024-02' && geoDistance(place.lon, place.lat, 1, 2) > @hour",
        ];
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            var at = random.Next(text.Length);
            if (random.Next(2) == 0)
            {
                text.Remove(at, 1);
            }
            else
            {
                text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
            }

            try
            {
                FilterEvaluator.Evaluate(FilterParser.Parse(text.ToString()), scope);
            }
            catch (FilterSyntaxException e)
            {
                Assert.Equal(400, e.Status);
            }
        }
    }

    // Accepts every name; functions are checked and run by the real implementations.
    private sealed class NullScope : IFilterScope
    {
        public FilterValue Resolve(IdentifierOperand identifier) => FilterValue.Of(identifier.Path.Length);

        public FilterValue Call(FunctionOperand function, IReadOnlyList<FilterValue> arguments) =>
            FilterFunctions.Invoke(function, arguments, DateTimeOffset.UnixEpoch);
    }
}
