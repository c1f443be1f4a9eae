using SharpBase.Core.Common;
using SharpBase.Core.Records.Values;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;
using Xunit;

namespace SharpBase.Core.Tests.Storage;

public sealed class StoredDateTests
{
    [Theory]
    [InlineData("0001-01-01 00:00:00.000Z")]
    [InlineData("2024-02-29 23:59:59.999Z")]
    [InlineData("9999-12-31 23:59:59.999Z")]
    [InlineData("2026-11-24 08:05:03.007Z")]
    public void FormatOfRead_RoundTripsTheStoredLayout(string text)
    {
        var read = (DateTimeOffset?)SqliteDialect.Instance.FromDbValue(ColumnType.DateTime, text);
        Assert.NotNull(read);
        Assert.Equal(TimeSpan.Zero, read!.Value.Offset);
        Assert.Equal(text, DateTimeText.Format(read.Value));
        Assert.Equal(read.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), text);
    }

    // Text not in the stored layout comes back from Storage as text and is read by Core's one lenient parser.
    [Theory]
    [InlineData("2024-02-30 00:00:00.000Z")]
    [InlineData("2024-13-01 00:00:00.000Z")]
    [InlineData("2024-01-01 24:00:00.000Z")]
    [InlineData("2024-01-01 00:00:00.00xZ")]
    [InlineData("not a date at all here!!")]
    public void InvalidText_IsNoDate(string text) =>
        Assert.Null(StoredValue.Read(SqliteDialect.Instance, ColumnType.DateTime, text));

    [Fact]
    public void OtherLayouts_StillParseThroughTheFallback()
    {
        var read = (DateTimeOffset?)StoredValue.Read(SqliteDialect.Instance, ColumnType.DateTime, "2024-05-01T15:45:10+02:00");
        Assert.Equal("2024-05-01 13:45:10.000Z", DateTimeText.Format(read!.Value));
    }
}
