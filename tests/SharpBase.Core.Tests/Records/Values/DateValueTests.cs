using SharpBase.Core.Common;
using SharpBase.Core.Schema.Fields;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

public sealed class DateValueTests
{
    private static readonly DateField Date = new() { Name = "when" };

    [Theory]
    [InlineData("\"2024-05-01 13:45:10.123Z\"", "2024-05-01 13:45:10.123Z")]
    [InlineData("\"2024-05-01T15:45:10+02:00\"", "2024-05-01 13:45:10.000Z")]
    [InlineData("\"2024-05-01\"", "2024-05-01 00:00:00.000Z")]
    [InlineData("1714571110", "2024-05-01 13:45:10.000Z")]
    [InlineData("\"yesterday\"", "")]
    [InlineData("\"\"", "")]
    [InlineData("null", "")]
    [InlineData("true", "")]
    public void PrepareValue_IsLenient_AndGarbageBecomesEmpty(string input, string expected) =>
        Assert.Equal(expected, DateTimeText.Format((DateTimeOffset?)Date.PrepareValue(V.Json(input))));

    [Fact]
    public void EmptyValue_IsNull() => Assert.Null(Date.EmptyValue);

    [Fact]
    public void Required_RejectsEmpty()
    {
        V.Code("validation_required", (Date with { Required = true }).ValidateValue(null));
        V.Passes(Date.ValidateValue(null));
    }

    [Fact]
    public void MinMax_UseOzzoThresholdCodes()
    {
        var field = Date with { Min = "2020-01-01 00:00:00.000Z", Max = "2030-01-01 00:00:00.500Z" };
        var min = DateTimeOffset.Parse("2020-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var max = DateTimeOffset.Parse("2030-01-01T00:00:00.5Z", System.Globalization.CultureInfo.InvariantCulture);
        V.Passes(field.ValidateValue(min));
        V.Passes(field.ValidateValue(max));
        var early = field.ValidateValue(min.AddMilliseconds(-1));
        V.Code("validation_min_greater_equal_than_required", early);
        Assert.Equal("Must be no less than 2020-01-01 00:00:00 +0000 UTC.", early!.Message);
        Assert.Equal("2020-01-01T00:00:00Z", early.Params!["threshold"]);
        var late = field.ValidateValue(max.AddMilliseconds(1));
        V.Code("validation_max_less_equal_than_required", late);
        Assert.Equal("Must be no greater than 2030-01-01 00:00:00.5 +0000 UTC.", late!.Message);
    }

    [Fact]
    public void Autodate_IgnoresInput()
    {
        var field = new AutodateField { Name = "created", OnCreate = true };
        Assert.Null(field.PrepareValue(V.Json("\"2024-05-01\"")));
        Assert.Null(field.EmptyValue);
        Assert.False(field.SupportsModifier(FieldModifier.Set));
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal(now, field.ApplyModifier(now, FieldModifier.Set, V.Json("\"2024-05-01\"")));
        V.Passes(field.ValidateValue(null));
    }
}
