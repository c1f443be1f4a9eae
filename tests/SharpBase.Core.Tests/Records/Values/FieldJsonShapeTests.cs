using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

public sealed class FieldJsonShapeTests
{
    public static TheoryData<Field> AllFields() =>
    [
        new TextField { Name = "a" }, new NumberField { Name = "a" }, new BoolField { Name = "a" }, new EmailField { Name = "a" },
        new UrlField { Name = "a" }, new EditorField { Name = "a" }, new DateField { Name = "a" }, new AutodateField { Name = "a", OnCreate = true },
        new SelectField { Name = "a", Values = ["x"] }, new FileField { Name = "a" }, new RelationField { Name = "a", CollectionId = "c" },
        new JsonField { Name = "a" }, new PasswordField { Name = "a" }, new GeoPointField { Name = "a" },
    ];

    [Theory]
    [MemberData(nameof(AllFields))]
    public void ValueBehaviour_AddsNothingToTheFieldJson(Field field)
    {
        var json = CollectionJson.FieldToJson(field);
        Assert.False(json.ContainsKey("emptyValue"), json.ToJsonString());
        Assert.False(json.ContainsKey("isMultiple"), json.ToJsonString());
    }
}
