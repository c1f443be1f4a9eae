using SharpBase.Core.Records.Values;
using SharpBase.Core.Schema.Fields;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

public sealed class RecordValueWriterTests
{
    private static string? Write(Field field, object? stored) => RecordValueWriter.ToJson(field, stored)?.ToJsonString();

    [Fact]
    public void Text_Number_Bool()
    {
        Assert.Equal("\"hi\"", Write(new TextField { Name = "t" }, "hi"));
        Assert.Equal("\"\"", Write(new EmailField { Name = "e" }, null));
        Assert.Equal("5", Write(new NumberField { Name = "n" }, 5d));
        Assert.Equal("-2.5", Write(new NumberField { Name = "n" }, -2.5));
        Assert.Equal("0", Write(new NumberField { Name = "n" }, null));
        Assert.Equal("true", Write(new BoolField { Name = "b" }, true));
        Assert.Equal("false", Write(new BoolField { Name = "b" }, null));
    }

    [Fact]
    public void Dates_UseThePocketBaseLayout()
    {
        var value = new DateTimeOffset(2024, 5, 1, 13, 45, 10, 123, TimeSpan.Zero);
        Assert.Equal("\"2024-05-01 13:45:10.123Z\"", Write(new DateField { Name = "d" }, value));
        Assert.Equal("\"\"", Write(new DateField { Name = "d" }, null));
        Assert.Equal("\"2024-05-01 13:45:10.123Z\"", Write(new AutodateField { Name = "created", OnCreate = true }, value));
    }

    [Fact]
    public void MultiValueFields()
    {
        Assert.Equal("[\"a\",\"b\"]", Write(new SelectField { Name = "s", MaxSelect = 3 }, "[\"a\",\"b\"]"));
        Assert.Equal("[]", Write(new RelationField { Name = "r", MaxSelect = 3 }, null));
        Assert.Equal("\"a\"", Write(new SelectField { Name = "s" }, "a"));
        Assert.Equal("\"\"", Write(new FileField { Name = "f" }, ""));
    }

    [Fact]
    public void Json_GeoPoint_Password()
    {
        Assert.Equal("{\"a\":[1,2]}", Write(new JsonField { Name = "j" }, "{\"a\":[1,2]}"));
        Assert.Null(Write(new JsonField { Name = "j" }, null));
        Assert.Equal("{\"lon\":1.5,\"lat\":2}", Write(new GeoPointField { Name = "g" }, "{\"lon\":1.5,\"lat\":2}"));
        Assert.Equal("{\"lon\":0,\"lat\":0}", Write(new GeoPointField { Name = "g" }, null));
        Assert.Null(RecordValueWriter.ToJson(new PasswordField { Name = "password" }, "$argon2id$..."));
    }

    [Fact]
    public void EveryEmptyValue_WritesTheDocumentedEmptyJson()
    {
        (Field Field, string Json)[] cases =
        [
            (new TextField { Name = "a" }, "\"\""), (new NumberField { Name = "a" }, "0"), (new BoolField { Name = "a" }, "false"),
            (new DateField { Name = "a" }, "\"\""), (new SelectField { Name = "a" }, "\"\""), (new SelectField { Name = "a", MaxSelect = 2 }, "[]"),
            (new GeoPointField { Name = "a" }, "{\"lon\":0,\"lat\":0}"), (new UrlField { Name = "a" }, "\"\""),
        ];
        foreach (var (field, json) in cases)
        {
            Assert.Equal(json, Write(field, field.EmptyValue));
        }

        Assert.Null(Write(new JsonField { Name = "a" }, new JsonField { Name = "a" }.EmptyValue));
    }
}
