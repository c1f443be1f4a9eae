using System.Data.Common;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;
using Xunit;

namespace SharpBase.Core.Tests.Storage;

/// <summary>DDL: tables, columns, type changes and indexes.</summary>
public abstract partial class DatabaseTests
{
    public static TheoryData<ColumnType, object?, ColumnType, object?> Conversions => new()
    {
        { ColumnType.Text, "12.5", ColumnType.Number, 12.5 },
        { ColumnType.Text, " -3e2 ", ColumnType.Number, -300.0 },
        { ColumnType.Text, "abc", ColumnType.Number, 0.0 },
        { ColumnType.Text, "", ColumnType.Number, 0.0 },
        { ColumnType.Text, "TRUE", ColumnType.Bool, true },
        { ColumnType.Text, "1", ColumnType.Bool, true },
        { ColumnType.Text, "no", ColumnType.Bool, false },
        { ColumnType.Text, "2024-01-02 03:04:05.678Z", ColumnType.DateTime, "2024-01-02 03:04:05.678Z" },
        { ColumnType.Text, "2024-01-02T03:04:05+02:00", ColumnType.DateTime, "2024-01-02 01:04:05.000Z" },
        { ColumnType.Text, "2024-01-02", ColumnType.DateTime, "2024-01-02 00:00:00.000Z" },
        { ColumnType.Text, "2024-02-30 10:00:00", ColumnType.DateTime, "2024-03-01 10:00:00.000Z" },
        { ColumnType.Text, "2024-13-01", ColumnType.DateTime, null },
        { ColumnType.Text, "soon", ColumnType.DateTime, null },
        { ColumnType.Text, "hello", ColumnType.Json, "\"hello\"" },
        { ColumnType.Text, "", ColumnType.Json, null },
        { ColumnType.Number, 2.5, ColumnType.Text, "2.5" },
        { ColumnType.Number, 3.0, ColumnType.Bool, true },
        { ColumnType.Number, 0.0, ColumnType.Bool, false },
        { ColumnType.Number, 4.0, ColumnType.Json, "4" },
        { ColumnType.Number, 5.0, ColumnType.DateTime, null },
        { ColumnType.Bool, true, ColumnType.Text, "true" },
        { ColumnType.Bool, false, ColumnType.Text, "false" },
        { ColumnType.Bool, true, ColumnType.Number, 1.0 },
        { ColumnType.Bool, true, ColumnType.Json, "true" },
        { ColumnType.DateTime, "2024-01-02 03:04:05.678Z", ColumnType.Text, "2024-01-02 03:04:05.678Z" },
        { ColumnType.DateTime, null, ColumnType.Text, "" },
        { ColumnType.DateTime, "2024-01-02 03:04:05.678Z", ColumnType.Json, "\"2024-01-02 03:04:05.678Z\"" },
        { ColumnType.DateTime, "2024-01-02 03:04:05.678Z", ColumnType.Number, 0.0 },
        { ColumnType.Json, "\"hi\"", ColumnType.Text, "hi" },
        { ColumnType.Json, null, ColumnType.Text, "" },
        { ColumnType.Json, "7.5", ColumnType.Number, 7.5 },
        { ColumnType.Json, "\"7\"", ColumnType.Number, 0.0 },
        { ColumnType.Json, "true", ColumnType.Bool, true },
        { ColumnType.Json, "[1]", ColumnType.Bool, false },
        { ColumnType.Json, "\"2024-01-02 03:04:05.678Z\"", ColumnType.DateTime, "2024-01-02 03:04:05.678Z" },
    };

    [Fact]
    public async Task Columns_AddRenameDrop_KeepData()
    {
        var table = await CreateTableAsync(new ColumnSpec("title", ColumnType.Text), new ColumnSpec("n", ColumnType.Number));
        await WriteAsync((s, ct) => InsertAsync(s, table, "a", ("title", ColumnType.Text, "hello"), ("n", ColumnType.Number, 7.0)));

        await ExecuteAsync(
            Dialect.AddColumn(table, new ColumnSpec("tags", ColumnType.Json, JsonDefault: "[]")),
            Dialect.AddColumn(table, new ColumnSpec("done", ColumnType.Bool)),
            Dialect.AddColumn(table, new ColumnSpec("due", ColumnType.DateTime)),
            Dialect.RenameColumn(table, "title", "name"),
            Dialect.DropColumn(table, "n"));

        Assert.Equal("hello", await ReadValueAsync(table, "a", "name", ColumnType.Text));
        AssertJsonEqual("[]", await ReadValueAsync(table, "a", "tags", ColumnType.Json));
        Assert.Equal(false, await ReadValueAsync(table, "a", "done", ColumnType.Bool));
        Assert.Null(await ReadValueAsync(table, "a", "due", ColumnType.DateTime));
        await Assert.ThrowsAnyAsync<DbException>(() => ReadValueAsync(table, "a", "n", ColumnType.Number));
    }

    [Fact]
    public async Task Table_RenameThenDrop_MovesThenRemovesRows()
    {
        var table = await CreateTableAsync(new ColumnSpec("title", ColumnType.Text));
        await WriteAsync((s, ct) => InsertAsync(s, table, "a", ("title", ColumnType.Text, "x")));
        var renamed = table + "_r";

        await ExecuteAsync(Dialect.RenameTable(table, renamed));

        Assert.False(await ReadAsync((s, ct) => SharpBase.Storage.Catalog.TableIntrospection.TableExistsAsync(s, table, ct)));
        Assert.Equal("x", await ReadValueAsync(renamed, "a", "title", ColumnType.Text));
        await ExecuteAsync(Dialect.DropTable(renamed));
        Assert.False(await ReadAsync((s, ct) => SharpBase.Storage.Catalog.TableIntrospection.TableExistsAsync(s, renamed, ct)));
    }

    [Theory]
    [MemberData(nameof(Conversions))]
    public async Task ChangeColumnType_ExistingValue_IsConverted(ColumnType fromType, object? value, ColumnType toType, object? expected)
    {
        var from = new ColumnSpec("v", fromType);
        var table = await CreateTableAsync(from);
        await WriteAsync((s, ct) => InsertAsync(s, table, "a", ("v", fromType, value)));

        await ExecuteAsync([.. Dialect.ChangeColumnType(table, from, new ColumnSpec("v", toType))]);

        var actual = await ReadValueAsync(table, "a", "v", toType);
        switch (toType)
        {
            case ColumnType.DateTime:
                Assert.Equal(expected is null ? null : DateTimeOffset.Parse((string)expected, System.Globalization.CultureInfo.InvariantCulture), actual);
                break;
            case ColumnType.Json:
                AssertJsonEqual((string?)expected, actual);
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    [Fact]
    public async Task ChangeColumnType_SingleToMultipleAndBack_WrapsAndKeepsLastValue()
    {
        var single = new ColumnSpec("v", ColumnType.Text);
        var multiple = new ColumnSpec("v", ColumnType.Json, JsonDefault: "[]");
        var table = await CreateTableAsync(single);
        await WriteAsync(async (s, ct) =>
        {
            await InsertAsync(s, table, "a", ("v", ColumnType.Text, "x"));
            await InsertAsync(s, table, "b", ("v", ColumnType.Text, ""));
        });

        await ExecuteAsync([.. Dialect.ChangeColumnType(table, single, multiple)]);
        AssertJsonEqual("""["x"]""", await ReadValueAsync(table, "a", "v", ColumnType.Json));
        AssertJsonEqual("[]", await ReadValueAsync(table, "b", "v", ColumnType.Json));

        await ExecuteAsync($"UPDATE {Dialect.QuoteIdentifier(table)} SET \"v\" = '[\"x\",\"y\"]' WHERE \"id\" = 'a'");
        await ExecuteAsync([.. Dialect.ChangeColumnType(table, multiple, single)]);
        Assert.Equal("y", await ReadValueAsync(table, "a", "v", ColumnType.Text));
        Assert.Equal("", await ReadValueAsync(table, "b", "v", ColumnType.Text));
    }

    [Fact]
    public async Task ChangeColumnType_NumberToText_LaterTextKeepsLeadingZeros()
    {
        var table = await CreateTableAsync(new ColumnSpec("v", ColumnType.Number));
        await ExecuteAsync([.. Dialect.ChangeColumnType(table, new ColumnSpec("v", ColumnType.Number), new ColumnSpec("v", ColumnType.Text))]);

        await WriteAsync((s, ct) => InsertAsync(s, table, "a", ("v", ColumnType.Text, "007")));

        Assert.Equal("007", await ReadValueAsync(table, "a", "v", ColumnType.Text));
    }

    [Fact]
    public async Task UniqueIndex_DuplicateRow_IsUniqueViolationNamingColumns()
    {
        var table = await CreateTableAsync(new ColumnSpec("a", ColumnType.Text), new ColumnSpec("b", ColumnType.Number));
        await ExecuteAsync(Dialect.CreateIndex(new IndexSpec("idx_" + table, table, true, [new IndexColumn("a"), new IndexColumn("b", Descending: true)], [])));
        await WriteAsync((s, ct) => InsertAsync(s, table, "r1", ("a", ColumnType.Text, "x"), ("b", ColumnType.Number, 1.0)));

        var exception = await Assert.ThrowsAnyAsync<DbException>(() =>
            WriteAsync((s, ct) => InsertAsync(s, table, "r2", ("a", ColumnType.Text, "x"), ("b", ColumnType.Number, 1.0))));

        Assert.Equal(DbErrorKind.UniqueViolation, Dialect.Classify(exception));
        Assert.Equal(["a", "b"], Dialect.UniqueViolationColumns(exception));
    }

    [Fact]
    public async Task PrimaryKey_DuplicateId_IsUniqueViolationOnId()
    {
        var table = await CreateTableAsync();
        await WriteAsync((s, ct) => InsertAsync(s, table, "same"));

        var exception = await Assert.ThrowsAnyAsync<DbException>(() => WriteAsync((s, ct) => InsertAsync(s, table, "same")));

        Assert.Equal(DbErrorKind.UniqueViolation, Dialect.Classify(exception));
        Assert.Equal(["id"], Dialect.UniqueViolationColumns(exception));
    }

    [Fact]
    public async Task NoCaseUniqueIndex_SameTextInOtherCase_IsRejected()
    {
        var table = await CreateTableAsync(new ColumnSpec("name", ColumnType.Text));
        await ExecuteAsync(Dialect.CreateIndex(new IndexSpec("idx_" + table, table, true, [new IndexColumn("name", NoCase: true)], [])));
        await WriteAsync((s, ct) => InsertAsync(s, table, "r1", ("name", ColumnType.Text, "Alice")));

        var exception = await Assert.ThrowsAnyAsync<DbException>(() =>
            WriteAsync((s, ct) => InsertAsync(s, table, "r2", ("name", ColumnType.Text, "aLICE"))));

        Assert.Equal(DbErrorKind.UniqueViolation, Dialect.Classify(exception));
        Assert.Equal(["name"], Dialect.UniqueViolationColumns(exception));
    }

    [Fact]
    public async Task PartialUniqueIndex_RowsOutsideCondition_AreNotChecked()
    {
        var table = await CreateTableAsync(new ColumnSpec("email", ColumnType.Text), new ColumnSpec("active", ColumnType.Bool));
        await ExecuteAsync(Dialect.CreateIndex(new IndexSpec("idx_" + table, table, true, [new IndexColumn("email")],
            [new IndexCondition("email", IndexOperator.NotEqual, ""), new IndexCondition("active", IndexOperator.Equal, true)])));

        await WriteAsync(async (s, ct) =>
        {
            await InsertAsync(s, table, "r1", ("email", ColumnType.Text, ""), ("active", ColumnType.Bool, true));
            await InsertAsync(s, table, "r2", ("email", ColumnType.Text, ""), ("active", ColumnType.Bool, true));
            await InsertAsync(s, table, "r3", ("email", ColumnType.Text, "a@b.c"), ("active", ColumnType.Bool, true));
            await InsertAsync(s, table, "r4", ("email", ColumnType.Text, "a@b.c"), ("active", ColumnType.Bool, false));
        });
        var exception = await Assert.ThrowsAnyAsync<DbException>(() =>
            WriteAsync((s, ct) => InsertAsync(s, table, "r5", ("email", ColumnType.Text, "a@b.c"), ("active", ColumnType.Bool, true))));

        Assert.Equal(DbErrorKind.UniqueViolation, Dialect.Classify(exception));
    }
}
