using Microsoft.Data.Sqlite;
using Npgsql;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;
using Xunit;

namespace SharpBase.Core.Tests.Storage;

/// <summary>The SQL text the dialects build, checked without a database.</summary>
public sealed class SqlDialectTests
{
    public static TheoryData<SqlDialect> Dialects => new() { SqliteDialect.Instance, PostgresDialect.Instance };

    [Theory]
    [MemberData(nameof(Dialects))]
    public void QuoteIdentifier_EmbeddedQuote_IsDoubled(SqlDialect dialect) =>
        Assert.Equal("\"a\"\"b; DROP TABLE x\"", dialect.QuoteIdentifier("a\"b; DROP TABLE x"));

    [Theory]
    [MemberData(nameof(Dialects))]
    public void QuoteIdentifier_EmptyOrNul_Throws(SqlDialect dialect)
    {
        Assert.ThrowsAny<ArgumentException>(() => dialect.QuoteIdentifier(""));
        Assert.ThrowsAny<ArgumentException>(() => dialect.QuoteIdentifier("a\0b"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void QuoteLiteral_EmbeddedQuote_IsDoubled(SqlDialect dialect)
    {
        Assert.Equal("'it''s'' OR 1=1 --'", dialect.QuoteLiteral("it's' OR 1=1 --"));
        Assert.Equal("NULL", dialect.QuoteLiteral(null));
        Assert.Equal("TRUE", dialect.QuoteLiteral(true));
        Assert.Equal("1.5", dialect.QuoteLiteral(1.5));
        Assert.ThrowsAny<ArgumentException>(() => dialect.QuoteLiteral(double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => dialect.QuoteLiteral("a\0"));
    }

    [Fact]
    public void QuoteLiteral_Backslash_UsesEscapeStringOnPostgres()
    {
        Assert.Equal(@"'a\''b'", SqliteDialect.Instance.QuoteLiteral(@"a\'b"));
        Assert.Equal(@"E'a\\''b'", PostgresDialect.Instance.QuoteLiteral(@"a\'b"));
    }

    [Fact]
    public void ColumnDefinition_EachType_MatchesLayout()
    {
        var sqlite = SqliteDialect.Instance;
        var postgres = PostgresDialect.Instance;
        Assert.Equal("TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL", sqlite.ColumnDefinition(new ColumnSpec("id", ColumnType.Text, PrimaryKey: true)));
        Assert.Equal("TEXT PRIMARY KEY NOT NULL", postgres.ColumnDefinition(new ColumnSpec("id", ColumnType.Text, PrimaryKey: true)));
        Assert.Equal("NUMERIC DEFAULT 0 NOT NULL", sqlite.ColumnDefinition(new ColumnSpec("n", ColumnType.Number)));
        Assert.Equal("DOUBLE PRECISION DEFAULT 0 NOT NULL", postgres.ColumnDefinition(new ColumnSpec("n", ColumnType.Number)));
        Assert.Equal("TEXT DEFAULT '' NOT NULL", sqlite.ColumnDefinition(new ColumnSpec("d", ColumnType.DateTime)));
        Assert.Equal("TIMESTAMPTZ NULL", postgres.ColumnDefinition(new ColumnSpec("d", ColumnType.DateTime)));
        Assert.Equal("JSON DEFAULT '[]' NOT NULL", sqlite.ColumnDefinition(new ColumnSpec("j", ColumnType.Json, JsonDefault: "[]")));
        Assert.Equal("JSON DEFAULT NULL", sqlite.ColumnDefinition(new ColumnSpec("j", ColumnType.Json)));
        Assert.Equal("JSONB DEFAULT '[]'::jsonb NOT NULL", postgres.ColumnDefinition(new ColumnSpec("j", ColumnType.Json, JsonDefault: "[]")));
        Assert.Equal("JSONB NULL", postgres.ColumnDefinition(new ColumnSpec("j", ColumnType.Json)));
        Assert.ThrowsAny<ArgumentException>(() => postgres.ColumnDefinition(new ColumnSpec("j", ColumnType.Json, JsonDefault: "[oops")));
    }

    [Fact]
    public void CreateIndex_NoCaseDescendingPartial_UsesEachDialectsForm()
    {
        var index = new IndexSpec("idx \"x\"", "posts", true, [new IndexColumn("title", NoCase: true, Descending: true), new IndexColumn("n")],
            [new IndexCondition("status", IndexOperator.NotEqual, "it's"), new IndexCondition("deleted", IndexOperator.IsNull, null)]);

        Assert.Equal(
            "CREATE UNIQUE INDEX IF NOT EXISTS \"idx \"\"x\"\"\" ON \"posts\" (\"title\" COLLATE NOCASE DESC, \"n\") WHERE \"status\" != 'it''s' AND \"deleted\" IS NULL",
            SqliteDialect.Instance.CreateIndex(index));
        Assert.Equal(
            "CREATE UNIQUE INDEX IF NOT EXISTS \"idx \"\"x\"\"\" ON \"posts\" (lower(\"title\") DESC, \"n\") WHERE \"status\" != 'it''s' AND \"deleted\" IS NULL",
            PostgresDialect.Instance.CreateIndex(index));
    }

    [Fact]
    public void IndexedEquals_NoCase_ComparesTheWayTheIndexStores()
    {
        Assert.Equal("\"email\" = @v COLLATE NOCASE", SqliteDialect.Instance.IndexedEquals(new IndexColumn("email", NoCase: true), "@v"));
        Assert.Equal("lower(\"email\") = lower(@v)", PostgresDialect.Instance.IndexedEquals(new IndexColumn("email", NoCase: true), "@v"));
        Assert.Equal("\"email\" = @v", SqliteDialect.Instance.IndexedEquals(new IndexColumn("email"), "@v"));
        Assert.Equal("\"email\" = @v", PostgresDialect.Instance.IndexedEquals(new IndexColumn("email"), "@v"));
    }

    [Fact]
    public void ChangeColumnType_SameSpec_IsEmpty()
    {
        var column = new ColumnSpec("v", ColumnType.Text);
        Assert.Empty(SqliteDialect.Instance.ChangeColumnType("t", column, column));
        Assert.Empty(PostgresDialect.Instance.ChangeColumnType("t", column, column));
    }

    [Fact]
    public void UniqueViolationColumns_SqliteMessage_GivesColumns()
    {
        var exception = new SqliteException("SQLite Error 19: 'UNIQUE constraint failed: posts.a, posts.b'.", 19, 2067);

        Assert.Equal(DbErrorKind.UniqueViolation, SqliteDialect.Instance.Classify(exception));
        Assert.Equal(["a", "b"], SqliteDialect.Instance.UniqueViolationColumns(exception));
    }

    [Fact]
    public void UniqueViolationColumns_PostgresDetail_StripsLowerAndQuotes()
    {
        var exception = new PostgresException("duplicate key value violates unique constraint \"idx\"", "ERROR", "ERROR", "23505",
            detail: "Key (lower(title), \"Odd, \"\"name\"\"\", n)=(x, y, 1) already exists.");

        Assert.Equal(DbErrorKind.UniqueViolation, PostgresDialect.Instance.Classify(exception));
        Assert.Equal(["title", "Odd, \"name\"", "n"], PostgresDialect.Instance.UniqueViolationColumns(exception));
    }

    [Theory]
    [InlineData("40001", DbErrorKind.SerializationFailure)]
    [InlineData("40P01", DbErrorKind.SerializationFailure)]
    [InlineData("23503", DbErrorKind.ConstraintViolation)]
    [InlineData("23502", DbErrorKind.ConstraintViolation)]
    [InlineData("42601", DbErrorKind.InvalidSql)]
    [InlineData("42P01", DbErrorKind.InvalidSql)]
    [InlineData("53300", DbErrorKind.Other)]
    public void Classify_PostgresSqlState_MapsToKind(string sqlState, DbErrorKind expected) =>
        Assert.Equal(expected, PostgresDialect.Instance.Classify(new PostgresException("m", "ERROR", "ERROR", sqlState)));

    [Theory]
    [InlineData(5, 5, DbErrorKind.SerializationFailure)]
    [InlineData(19, 787, DbErrorKind.ConstraintViolation)]
    [InlineData(19, 1555, DbErrorKind.UniqueViolation)]
    [InlineData(1, 1, DbErrorKind.InvalidSql)]
    [InlineData(13, 13, DbErrorKind.Other)]
    public void Classify_SqliteCode_MapsToKind(int code, int extended, DbErrorKind expected) =>
        Assert.Equal(expected, SqliteDialect.Instance.Classify(new SqliteException("m", code, extended)));
}
