using SharpBase.Core.Schema.Fields;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

public sealed class NumberBoolValueTests
{
    private static readonly NumberField Number = new() { Name = "n" };
    private static readonly BoolField Bool = new() { Name = "b" };

    [Theory]
    [InlineData("5", 5d)]
    [InlineData("-2.5", -2.5)]
    [InlineData("\"12.5\"", 12.5)]
    [InlineData("\"1e3\"", 1000d)]
    [InlineData("\".5\"", 0.5)]
    [InlineData("\"abc\"", 0d)]
    [InlineData("\"\"", 0d)]
    [InlineData("\" 5\"", 0d)]
    [InlineData("\"1e400\"", 0d)]
    [InlineData("true", 1d)]
    [InlineData("false", 0d)]
    [InlineData("null", 0d)]
    [InlineData("[1]", 0d)]
    [InlineData("1e400", 0d)]
    public void PrepareValue_ParsesNumbers(string input, double expected) =>
        Assert.Equal(expected, Number.PrepareValue(V.Json(input)));

    [Fact]
    public void EmptyValues()
    {
        Assert.Equal(0d, Number.EmptyValue);
        Assert.Equal(false, Bool.EmptyValue);
    }

    [Fact]
    public void InfinityText_IsNotANumber() =>
        V.Code("validation_not_a_number", Number.ValidateValue(Number.PrepareValue(V.Json("\"Inf\""))));

    [Fact]
    public void Required_MeansNonZero()
    {
        var field = Number with { Required = true };
        V.Code("validation_required", field.ValidateValue(0d));
        V.Passes(field.ValidateValue(-1d));
    }

    [Fact]
    public void MinMax_AtTheirBoundaries()
    {
        var field = Number with { Min = 2, Max = 10.5 };
        V.Passes(field.ValidateValue(2d));
        V.Passes(field.ValidateValue(10.5));
        var low = field.ValidateValue(1.9);
        V.Code("validation_min_number_constraint", low);
        Assert.Equal("Must be greater or equal than 2.", low!.Message);
        Assert.Equal(2d, low.Params!["min"]);
        var high = field.ValidateValue(10.6);
        V.Code("validation_max_number_constraint", high);
        Assert.Equal("Must be less or equal than 10.5.", high!.Message);
        Assert.Equal(10.5, high.Params!["max"]);
        V.Passes(field.ValidateValue(0d)); // zero skips the bounds, as in PocketBase
        Assert.Equal("Must be greater or equal than 1e+06.", (Number with { Min = 1e6 }).ValidateValue(5d)!.Message);
    }

    [Fact]
    public void OnlyInt_RejectsDecimals()
    {
        var field = Number with { OnlyInt = true };
        V.Passes(field.ValidateValue(3d));
        var error = field.ValidateValue(3.5);
        V.Code("validation_only_int_constraint", error);
        Assert.Equal("Decimal numbers are not allowed.", error!.Message);
    }

    [Fact]
    public void Modifiers_AddAndSubtract()
    {
        Assert.Equal(7d, Number.ApplyModifier(5d, FieldModifier.Append, V.Json("2")));
        Assert.Equal(3d, Number.ApplyModifier(5d, FieldModifier.Remove, V.Json("\"2\"")));
        Assert.Equal(2d, Number.ApplyModifier(5d, FieldModifier.Set, V.Json("2")));
        Assert.False(Number.SupportsModifier(FieldModifier.Prepend));
        Assert.Equal(5d, Number.ApplyModifier(5d, FieldModifier.Prepend, V.Json("2")));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"t\"", true)]
    [InlineData("\"true\"", true)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\"yes\"", false)]
    [InlineData("\"0\"", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("null", false)]
    [InlineData("{}", false)]
    public void Bool_PrepareValue(string input, bool expected) => Assert.Equal(expected, Bool.PrepareValue(V.Json(input)));

    [Fact]
    public void Bool_RequiredMeansTrue()
    {
        var field = Bool with { Required = true };
        V.Code("validation_required", field.ValidateValue(false));
        V.Passes(field.ValidateValue(true));
        V.Passes(Bool.ValidateValue(false));
        Assert.False(Bool.SupportsModifier(FieldModifier.Append));
    }
}
