using SharpBase.Core.Common;
using Xunit;

namespace SharpBase.Core.Tests.Common;

public sealed class IdsTests
{
    [Fact]
    public void CollectionId_MatchesPocketBase_ForSuperusers() =>
        Assert.Equal("pbc_3142635823", Ids.CollectionId("auth", "_superusers"));

    [Fact]
    public void FieldId_MatchesPocketBase_ForId() => Assert.Equal("text3208210256", Ids.FieldId("text", "id"));

    [Fact]
    public void NewRecordId_Is15LowercaseAlphanumerics()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => Ids.NewRecordId(SecureRandomSource.Instance)).ToArray();
        Assert.All(ids, id => Assert.True(Ids.IsDefaultRecordId(id), id));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}

public sealed class DateTimeTextTests
{
    [Theory]
    [InlineData("2024-05-01 13:45:10.123Z", "2024-05-01 13:45:10.123Z")]
    [InlineData("2024-05-01T13:45:10.123456Z", "2024-05-01 13:45:10.123Z")]
    [InlineData("2024-05-01T15:45:10+02:00", "2024-05-01 13:45:10.000Z")]
    [InlineData("2024-05-01", "2024-05-01 00:00:00.000Z")]
    [InlineData("1714571110", "2024-05-01 13:45:10.000Z")]
    [InlineData("", "")]
    public void TryParse_AcceptsPocketBaseInputForms(string input, string expected)
    {
        Assert.True(DateTimeText.TryParse(input, out var value));
        Assert.Equal(expected, DateTimeText.Format(value));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-45")]
    [InlineData("99999999999999")]
    public void TryParse_RejectsGarbage(string input) => Assert.False(DateTimeText.TryParse(input, out _));
}

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("a@b.co", true)]
    [InlineData("first.last+tag@example.com", true)]
    [InlineData("no-at-sign", false)]
    [InlineData("Name <a@b.co>", false)]
    [InlineData(" a@b.co", false)]
    [InlineData("a@localhost", false)]
    [InlineData("", false)]
    public void IsValid_AcceptsPlainAddressesOnly(string value, bool expected) => Assert.Equal(expected, EmailAddress.IsValid(value));
}
