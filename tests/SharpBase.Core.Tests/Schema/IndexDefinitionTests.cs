using SharpBase.Core.Schema;
using SharpBase.Storage.Schema;
using Xunit;

namespace SharpBase.Core.Tests.Schema;

public sealed class IndexDefinitionTests
{
    [Fact]
    public void Parse_PocketBaseEmailIndex_KeepsPartialCondition()
    {
        var spec = IndexDefinition.TryParse("CREATE UNIQUE INDEX `idx_email_abc` ON `users` (`email`) WHERE `email` != ''", out var error);
        Assert.NotNull(spec);
        Assert.Equal("", error);
        Assert.True(spec!.Unique);
        Assert.Equal("idx_email_abc", spec.Name);
        Assert.Equal("users", spec.Table);
        Assert.Equal([new IndexColumn("email")], spec.Columns);
        Assert.Equal([new IndexCondition("email", IndexOperator.NotEqual, "")], spec.Where);
    }

    [Theory]
    [InlineData("create index idx_a on posts (title collate nocase, views desc)", "CREATE INDEX `idx_a` ON `posts` (`title` COLLATE NOCASE, `views` DESC)")]
    [InlineData("CREATE INDEX IF NOT EXISTS \"idx_b\" ON [posts] (\"a\" ASC);", "CREATE INDEX `idx_b` ON `posts` (`a`)")]
    [InlineData("CREATE UNIQUE INDEX idx_c ON t (a) WHERE a IS NOT NULL AND b = 'it''s' AND c <> 3", "CREATE UNIQUE INDEX `idx_c` ON `t` (`a`) WHERE `a` IS NOT NULL AND `b` = 'it''s' AND `c` != 3")]
    public void FormatOfParse_IsCanonical(string input, string expected)
    {
        var spec = IndexDefinition.TryParse(input, out var error);
        Assert.True(spec is not null, error);
        Assert.Equal(expected, IndexDefinition.Format(spec!));
        Assert.Equal(expected, IndexDefinition.Format(IndexDefinition.TryParse(expected, out _)!));
    }

    [Theory]
    [InlineData("DROP TABLE users")]
    [InlineData("CREATE INDEX idx ON t (a); DROP TABLE t")]
    [InlineData("CREATE INDEX idx ON t (lower(a))")]
    [InlineData("CREATE INDEX idx ON t (a COLLATE BINARY)")]
    [InlineData("CREATE INDEX idx ON t (a) WHERE a > 5")]
    [InlineData("CREATE INDEX idx ON t (a) WHERE a = (SELECT 1)")]
    [InlineData("CREATE INDEX idx ON t (a")]
    [InlineData("CREATE INDEX `unterminated ON t (a)")]
    [InlineData("")]
    public void Parse_RejectsAnythingOutsideTheGrammar(string input)
    {
        Assert.Null(IndexDefinition.TryParse(input, out var error));
        Assert.NotEqual("", error);
    }

    [Fact]
    public void Parse_RejectsOverlongDefinitions() =>
        Assert.Null(IndexDefinition.TryParse("CREATE INDEX idx ON t (" + string.Join(", ", Enumerable.Repeat("a", 600)) + ")", out _));
}
