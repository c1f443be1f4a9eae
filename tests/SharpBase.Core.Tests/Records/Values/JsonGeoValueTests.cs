using SharpBase.Core.Schema.Fields;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

public sealed class JsonGeoValueTests
{
    private static readonly JsonField Json = new() { Name = "data" };
    private static readonly GeoPointField Geo = new() { Name = "where" };

    [Theory]
    [InlineData("\"[1,2]\"", "[1,2]")]
    [InlineData("\"{\\\"a\\\":1}\"", "{\"a\":1}")]
    [InlineData("\"-5\"", "-5")]
    [InlineData("\"12\"", "12")]
    [InlineData("\"\\\"quoted\\\"\"", "\"quoted\"")]
    [InlineData("\"true\"", "true")]
    [InlineData("\"false\"", "false")]
    [InlineData("\"hello\"", "\"hello\"")]
    [InlineData("\"[broken\"", "\"[broken\"")]
    [InlineData("\" [1]\"", "\" [1]\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("5", "5")]
    [InlineData("1.0", "1")]
    [InlineData("true", "true")]
    [InlineData("{\"b\":1,\"a\":[1,\"x\"]}", "{\"a\":[1,\"x\"],\"b\":1}")]
    public void PrepareValue_FollowsPocketBaseRules(string input, string expected) =>
        Assert.Equal(expected, Json.PrepareValue(V.Json(input)));

    [Fact]
    public void PrepareValue_NullsAreJsonNull()
    {
        Assert.Null(Json.PrepareValue(V.Json("\"null\"")));
        Assert.Null(Json.PrepareValue(V.Json("null")));
        Assert.Null(Json.PrepareValue(null));
        Assert.Null(Json.EmptyValue);
    }

    [Fact]
    public void ControlCharacters_AreQuotedAsGoDoes_AndFailAsInvalidJson()
    {
        var stored = Json.PrepareValue(V.Json("\"a\\u0001b\""));
        Assert.Equal("\"a\\x01b\"", stored);
        var error = Json.ValidateValue(stored);
        V.Code("validation_invalid_json", error);
        Assert.Equal("Must be a valid json value.", error!.Message);
        Assert.Equal("\"a\\nb\"", Json.PrepareValue(V.Json("\"a\\nb\"")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData(" {} ")]
    public void Required_RejectsEmptyJson(string? stored) =>
        V.Code("validation_required", (Json with { Required = true }).ValidateValue(stored));

    [Fact]
    public void Required_AcceptsOtherValues()
    {
        var field = Json with { Required = true };
        V.Passes(field.ValidateValue("0"));
        V.Passes(field.ValidateValue("false"));
        V.Passes(field.ValidateValue("[ ]"));
    }

    [Fact]
    public void MaxSize_CountsBytes()
    {
        var field = Json with { MaxSize = 5 };
        V.Passes(field.ValidateValue("\"abc\""));
        var error = field.ValidateValue("\"abcd\"");
        V.Code("validation_json_size_limit", error);
        Assert.Equal("The maximum allowed JSON size is 5 bytes.", error!.Message);
        Assert.Equal(5L, error.Params!["maxSize"]);
        V.Passes(Json.ValidateValue("\"" + new string('a', 1024 * 1024 - 2) + "\""));
        V.Code("validation_json_size_limit", Json.ValidateValue("\"" + new string('a', 1024 * 1024 - 1) + "\""));
    }

    [Theory]
    [InlineData("{\"lon\":1.5,\"lat\":-2}", "{\"lon\":1.5,\"lat\":-2}")]
    [InlineData("\"{\\\"lat\\\":3,\\\"lon\\\":4}\"", "{\"lon\":4,\"lat\":3}")]
    [InlineData("{\"LON\":1,\"lat\":\"x\"}", "{\"lon\":1,\"lat\":0}")]
    [InlineData("\"nonsense\"", "{\"lon\":0,\"lat\":0}")]
    [InlineData("null", "{\"lon\":0,\"lat\":0}")]
    [InlineData("5", "{\"lon\":0,\"lat\":0}")]
    [InlineData("{\"lon\":1e400,\"lat\":1}", "{\"lon\":0,\"lat\":1}")]
    public void Geo_PrepareValue(string input, string expected) => Assert.Equal(expected, Geo.PrepareValue(V.Json(input)));

    [Fact]
    public void Geo_Validation()
    {
        Assert.Equal("{\"lon\":0,\"lat\":0}", Geo.EmptyValue);
        V.Code("validation_required", (Geo with { Required = true }).ValidateValue(Geo.EmptyValue));
        V.Passes(Geo.ValidateValue(Geo.EmptyValue));
        V.Passes(Geo.ValidateValue("{\"lon\":-180,\"lat\":90}"));
        var lat = Geo.ValidateValue("{\"lon\":0,\"lat\":90.1}");
        V.Code("validation_invalid_latitude", lat);
        Assert.Equal("Latitude must be between -90 and 90 degrees.", lat!.Message);
        V.Code("validation_invalid_longitude", Geo.ValidateValue("{\"lon\":-180.5,\"lat\":1}"));
        Assert.False(Geo.SupportsModifier(FieldModifier.Append));
    }
}
