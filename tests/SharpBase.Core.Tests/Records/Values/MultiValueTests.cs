using SharpBase.Core.Schema.Fields;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

public sealed class MultiValueTests
{
    private static readonly SelectField Single = new() { Name = "s", Values = ["a", "b", "c"] };
    private static readonly SelectField Multi = Single with { MaxSelect = 2 };

    [Theory]
    [InlineData("\"a\"", "a")]
    [InlineData("[\"a\",\"b\"]", "b")]
    [InlineData("[\"a\",\"b\",\"a\"]", "b")]
    [InlineData("\"[\\\"a\\\",\\\"c\\\"]\"", "c")]
    [InlineData("\"\"", "")]
    [InlineData("[]", "")]
    [InlineData("null", "")]
    [InlineData("5", "5")]
    public void Single_KeepsTheLastValue(string input, string expected) =>
        Assert.Equal(expected, Single.PrepareValue(V.Json(input)));

    [Theory]
    [InlineData("\"a\"", "[\"a\"]")]
    [InlineData("[\"a\",\"\",\"b\",\"a\"]", "[\"a\",\"b\"]")]
    [InlineData("\"[\\\"a\\\",\\\"b\\\"]\"", "[\"a\",\"b\"]")]
    [InlineData("\"[not json\"", "[\"[not json\"]")]
    [InlineData("[1,true]", "[\"1\",\"true\"]")]
    [InlineData("[\"a\",{\"x\":1}]", "[]")]
    [InlineData("null", "[]")]
    [InlineData("{}", "[]")]
    public void Multi_DropsEmptiesAndDuplicates(string input, string expected) =>
        Assert.Equal(expected, Multi.PrepareValue(V.Json(input)));

    [Fact]
    public void EmptyValues()
    {
        Assert.Equal("", Single.EmptyValue);
        Assert.Equal("[]", Multi.EmptyValue);
    }

    [Fact]
    public void Select_Validation()
    {
        V.Code("validation_required", (Single with { Required = true }).ValidateValue(""));
        V.Passes(Single.ValidateValue(""));
        V.Passes(Multi.ValidateValue("[\"a\",\"b\"]"));
        var tooMany = Multi.ValidateValue("[\"a\",\"b\",\"c\"]");
        V.Code("validation_too_many_values", tooMany);
        Assert.Equal("Select no more than 2.", tooMany!.Message);
        Assert.Equal(2, tooMany.Params!["maxSelect"]);
        var invalid = Multi.ValidateValue("[\"a\",\"z\"]");
        V.Code("validation_invalid_value", invalid);
        Assert.Equal("Invalid value z.", invalid!.Message);
        Assert.Equal("z", invalid.Params!["value"]);
    }

    [Fact]
    public void Relation_MinAndMaxSelect()
    {
        var field = new RelationField { Name = "r", CollectionId = "c", MinSelect = 2, MaxSelect = 3 };
        var few = field.ValidateValue("[\"a\"]");
        V.Code("validation_not_enough_values", few);
        Assert.Equal("Select at least 2.", few!.Message);
        V.Passes(field.ValidateValue("[\"a\",\"b\"]"));
        V.Passes(field.ValidateValue("[\"a\",\"b\",\"c\"]"));
        V.Code("validation_too_many_values", field.ValidateValue("[\"a\",\"b\",\"c\",\"d\"]"));
        V.Code("validation_required", (field with { Required = true }).ValidateValue("[]"));
    }

    [Fact]
    public void Multi_Modifiers()
    {
        Assert.Equal("[\"a\",\"b\"]", Multi.ApplyModifier("[\"a\"]", FieldModifier.Append, V.Json("\"b\"")));
        Assert.Equal("[\"b\",\"a\"]", Multi.ApplyModifier("[\"a\"]", FieldModifier.Prepend, V.Json("[\"b\",\"a\"]")));
        Assert.Equal("[\"b\"]", Multi.ApplyModifier("[\"a\",\"b\"]", FieldModifier.Remove, V.Json("[\"a\"]")));
        Assert.Equal("[\"c\"]", Multi.ApplyModifier("[\"a\",\"b\"]", FieldModifier.Set, V.Json("\"c\"")));
        Assert.Equal("[\"a\"]", Multi.ApplyModifier(null, FieldModifier.Append, V.Json("\"a\"")));
    }

    [Fact]
    public void Single_Modifiers_ReplaceOrClear()
    {
        Assert.Equal("b", Single.ApplyModifier("a", FieldModifier.Append, V.Json("\"b\"")));
        Assert.Equal("a", Single.ApplyModifier("a", FieldModifier.Prepend, V.Json("\"b\"")));
        Assert.Equal("", Single.ApplyModifier("a", FieldModifier.Remove, V.Json("\"a\"")));
        Assert.Equal("a", Single.ApplyModifier("a", FieldModifier.Remove, V.Json("\"b\"")));
        Assert.False(Single.SupportsModifier(FieldModifier.Autogenerate));
    }

    [Fact]
    public void File_ReadsArrayElementsOneByOne_AndLimitsTheCount()
    {
        var files = new FileField { Name = "f", MaxSelect = 2 };
        Assert.Equal("[\"a.png\",\"b.png\"]", files.PrepareValue(V.Json("[\"a.png\",{\"x\":1},null,\"b.png\"]")));
        var tooMany = files.ValidateValue("[\"a\",\"b\",\"c\"]");
        V.Code("validation_too_many_files", tooMany);
        Assert.Equal("The maximum allowed files is 2.", tooMany!.Message);
        V.Code("validation_required", (files with { Required = true }).ValidateValue("[]"));
        Assert.Equal("[\"b.png\"]", files.ApplyModifier("[\"a.png\",\"b.png\"]", FieldModifier.Remove, V.Json("\"a.png\"")));
        var single = new FileField { Name = "avatar" };
        Assert.Equal("new.png", single.ApplyModifier("old.png", FieldModifier.Append, V.Json("\"new.png\"")));
        V.Code("validation_too_many_files", single.ValidateValue("[\"a\",\"b\"]"));
    }

    [Fact]
    public void ValuesOf_ReadsStoredForms()
    {
        Assert.Equal(["a", "b"], Multi.ValuesOf("[\"a\",\"b\"]"));
        Assert.Equal(["a"], Single.ValuesOf("a"));
        Assert.Equal(["b"], Single.ValuesOf("[\"a\",\"b\"]"));
        Assert.Empty(Single.ValuesOf(""));
    }
}
