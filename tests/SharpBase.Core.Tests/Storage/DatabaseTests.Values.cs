using SharpBase.Storage.Schema;
using Xunit;

namespace SharpBase.Core.Tests.Storage;

/// <summary>Every column type's values survive a write and a read.</summary>
public abstract partial class DatabaseTests
{
    public static TheoryData<ColumnType, object?, object?> RoundTrips => new()
    {
        { ColumnType.Text, "héllo 'quoted' \"double\" \\ 😀", "héllo 'quoted' \"double\" \\ 😀" },
        { ColumnType.Text, null, "" },
        { ColumnType.Number, 1.5, 1.5 },
        { ColumnType.Number, -42.0, -42.0 },
        { ColumnType.Number, 1e20, 1e20 },
        { ColumnType.Number, 0.1, 0.1 },
        { ColumnType.Number, 7, 7.0 },
        { ColumnType.Bool, true, true },
        { ColumnType.Bool, false, false },
        { ColumnType.Json, """{"a":[1,2,{"b":null}],"s":"x"}""", """{"a":[1,2,{"b":null}],"s":"x"}""" },
        { ColumnType.Json, "[]", "[]" },
        { ColumnType.Json, "\"text\"", "\"text\"" },
        { ColumnType.Json, "12", "12" },
        { ColumnType.Json, null, null },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public async Task Value_WrittenAndRead_RoundTrips(ColumnType type, object? value, object? expected)
    {
        var table = await CreateTableAsync(new ColumnSpec("v", type));
        await WriteAsync((s, ct) => InsertAsync(s, table, "a", ("v", type, value)));

        var actual = await ReadValueAsync(table, "a", "v", type);

        if (type == ColumnType.Json)
        {
            AssertJsonEqual((string?)expected, actual);
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task DateTime_WrittenAndRead_IsUtcToTheMillisecond()
    {
        var table = await CreateTableAsync(new ColumnSpec("v", ColumnType.DateTime));
        var local = new DateTimeOffset(2024, 5, 1, 15, 45, 10, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        await WriteAsync(async (s, ct) =>
        {
            await InsertAsync(s, table, "a", ("v", ColumnType.DateTime, local));
            await InsertAsync(s, table, "b", ("v", ColumnType.DateTime, null));
        });

        var read = Assert.IsType<DateTimeOffset>(await ReadValueAsync(table, "a", "v", ColumnType.DateTime));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 13, 45, 10, 123, TimeSpan.Zero), read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Null(await ReadValueAsync(table, "b", "v", ColumnType.DateTime));
    }

    [Fact]
    public async Task Defaults_ColumnsLeftOut_ReadAsEmptyValues()
    {
        var table = await CreateTableAsync(
            new ColumnSpec("t", ColumnType.Text), new ColumnSpec("n", ColumnType.Number), new ColumnSpec("b", ColumnType.Bool),
            new ColumnSpec("d", ColumnType.DateTime), new ColumnSpec("j", ColumnType.Json), new ColumnSpec("arr", ColumnType.Json, JsonDefault: "[]"));
        await WriteAsync((s, ct) => InsertAsync(s, table, "a"));

        Assert.Equal("", await ReadValueAsync(table, "a", "t", ColumnType.Text));
        Assert.Equal(0.0, await ReadValueAsync(table, "a", "n", ColumnType.Number));
        Assert.Equal(false, await ReadValueAsync(table, "a", "b", ColumnType.Bool));
        Assert.Null(await ReadValueAsync(table, "a", "d", ColumnType.DateTime));
        Assert.Null(await ReadValueAsync(table, "a", "j", ColumnType.Json));
        AssertJsonEqual("[]", await ReadValueAsync(table, "a", "arr", ColumnType.Json));
    }
}
