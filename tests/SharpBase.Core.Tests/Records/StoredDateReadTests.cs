using Microsoft.Data.Sqlite;
using SharpBase.Core.Common;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Dialects;
using Xunit;

namespace SharpBase.Core.Tests.Records;

/// <summary>
/// A SQLite date column holding text that SharpBase did not write (another tool, an older layout) reads as the one lenient
/// parser, <see cref="DateTimeText.TryParse"/>, reads that text. Failed before: Storage had a second parser that read
/// Unix seconds as no date while record input accepted them.
/// </summary>
public sealed class StoredDateReadTests
{
    private static readonly Collection Events = new() { Id = "pbc_events", Name = "events", Fields = [new DateField { Name = "when" }] };

    [Theory]
    [InlineData("2024-05-01 13:45:10.123Z")]
    [InlineData("2024-05-01T15:45:10+02:00")]
    [InlineData(" 2024-05-01 ")]
    [InlineData("1714571110")]
    [InlineData("2024-02-30 00:00:00.000Z")]
    [InlineData("soon")]
    [InlineData("")]
    public void DateColumnText_ReadsAsTheLenientParserReadsIt(string stored)
    {
        Assert.True(DateTimeText.TryParse(stored, out var expected) || expected is null);

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT @v";
        command.Parameters.AddWithValue("@v", stored);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        var row = RecordReader.Read(reader, Events, SqliteDialect.Instance);

        Assert.Equal(expected, row.Values["when"]);
    }
}
