using SharpBase.Core.Schema.Fields;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

public sealed class TextValueTests
{
    private static readonly TextField Text = new() { Name = "title" };

    [Theory]
    [InlineData("\"hello\"", "hello")]
    [InlineData("12", "12")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.0", "1")]
    [InlineData("1e21", "1000000000000000000000")]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("-3", "-3")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "")]
    [InlineData("{\"a\":1}", "")]
    [InlineData("[\"a\"]", "")]
    public void PrepareValue_TurnsScalarsIntoText(string input, string expected) =>
        Assert.Equal(expected, Text.PrepareValue(V.Json(input)));

    [Fact]
    public void PrepareValue_MissingInputIsEmpty() => Assert.Equal("", Text.PrepareValue(null));

    [Fact]
    public void EmptyValue_IsEmptyString() => Assert.Equal("", Text.EmptyValue);

    [Fact]
    public void Required_RejectsEmpty()
    {
        var field = Text with { Required = true };
        V.Code("validation_required", field.ValidateValue(""));
        V.Passes(field.ValidateValue("x"));
        V.Passes(Text.ValidateValue(""));
    }

    [Fact]
    public void MinAndMax_CountRunes()
    {
        var field = Text with { Min = 2, Max = 3 };
        var tooShort = field.ValidateValue("😀");
        V.Code("validation_min_text_constraint", tooShort);
        Assert.Equal("Must be at least 2 character(s).", tooShort!.Message);
        Assert.Equal(2, tooShort.Params!["min"]);
        V.Passes(field.ValidateValue("😀😀"));
        V.Passes(field.ValidateValue("😀😀😀"));
        var tooLong = field.ValidateValue("😀😀😀😀");
        V.Code("validation_max_text_constraint", tooLong);
        Assert.Equal("Must be no more than 3 character(s).", tooLong!.Message);
        Assert.Equal(3, tooLong.Params!["max"]);
    }

    [Fact]
    public void Max_ZeroMeans5000()
    {
        V.Passes(Text.ValidateValue(new string('a', 5000)));
        var error = Text.ValidateValue(new string('a', 5001));
        V.Code("validation_max_text_constraint", error);
        Assert.Equal(5000, error!.Params!["max"]);
    }

    [Fact]
    public void Pattern_IsUnanchoredLikeGo()
    {
        var field = Text with { Pattern = "[0-9]" };
        V.Passes(field.ValidateValue("abc1"));
        var error = field.ValidateValue("abc");
        V.Code("validation_invalid_format", error);
        Assert.Equal("Invalid value format.", error!.Message);
    }

    [Fact]
    public void PrimaryKey_IsRequired_AndCustomPatternsRefuseUnsafeIds()
    {
        var id = new TextField { Name = "id", PrimaryKey = true, Pattern = "^.+$" };
        V.Code("validation_required", id.ValidateValue(""));
        V.Code("validation_forbidden_pk_character", id.ValidateValue("a.b"));
        V.Code("validation_forbidden_pk_character", id.ValidateValue("a b"));
        V.Code("validation_reserved_pk", id.ValidateValue("nul"));
        V.Passes(id.ValidateValue("nulls"));
        var defaultId = id with { Pattern = TextField.DefaultIdPattern };
        V.Passes(defaultId.ValidateValue("abc123"));
    }

    [Fact]
    public void Autogenerate_FollowsThePattern()
    {
        var id = new TextField { Name = "id", AutogeneratePattern = "[a-z0-9]{15}" };
        Assert.Equal("0123456789abcde", id.Autogenerate(new CyclingRandom()));
        var generated = id.Autogenerate(SharpBase.Core.Common.SecureRandomSource.Instance);
        Assert.Matches("^[a-z0-9]{15}$", generated);
        Assert.Null(Text.Autogenerate(new CyclingRandom()));
    }

    [Fact]
    public void AutogenerateModifier_AppendsToTheGivenPrefix()
    {
        var field = Text with { AutogeneratePattern = "[A-Z]{3}" };
        Assert.Equal("inv-ABC", field.ApplyAutogenerate(V.Json("\"inv-\""), new CyclingRandom()));
        Assert.Equal("inv-", Text.ApplyAutogenerate(V.Json("\"inv-\""), new CyclingRandom()));
        Assert.True(field.SupportsModifier(FieldModifier.Autogenerate));
        Assert.Matches("^x[A-Z]{3}$", (string)field.ApplyModifier("", FieldModifier.Autogenerate, V.Json("\"x\""))!);
    }

    [Fact]
    public void Modifiers_OnlySetAndAutogenerate()
    {
        Assert.False(Text.SupportsModifier(FieldModifier.Append));
        Assert.Equal("old", Text.ApplyModifier("old", FieldModifier.Append, V.Json("\"x\"")));
        Assert.Equal("x", Text.ApplyModifier("old", FieldModifier.Set, V.Json("\"x\"")));
    }
}
