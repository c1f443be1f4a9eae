using SharpBase.Core.Schema.Fields;
using Xunit;

namespace SharpBase.Core.Tests.Records.Values;

public sealed class TextFormatValueTests
{
    [Fact]
    public void Email_FormatAndDomains()
    {
        var email = new EmailField { Name = "email" };
        V.Passes(email.ValidateValue(""));
        V.Code("validation_required", (email with { Required = true }).ValidateValue(""));
        var bad = email.ValidateValue("not-an-email");
        V.Code("validation_is_email", bad);
        Assert.Equal("Must be a valid email address.", bad!.Message);
        V.Passes(email.ValidateValue("a@example.com"));
        var only = email with { OnlyDomains = ["example.com"] };
        V.Passes(only.ValidateValue("a@example.com"));
        var refused = only.ValidateValue("a@other.com");
        V.Code("validation_email_domain_not_allowed", refused);
        Assert.Equal("Email domain is not allowed.", refused!.Message);
        V.Code("validation_email_domain_not_allowed", (email with { ExceptDomains = ["spam.io"] }).ValidateValue("a@spam.io"));
        Assert.Equal("42", email.PrepareValue(V.Json("42")));
    }

    [Theory]
    [InlineData("https://example.com", true)]
    [InlineData("http://example.com:8080/path?q=1#x", true)]
    [InlineData("example.com", true)]
    [InlineData("ftp://files.example.com/a.txt", true)]
    [InlineData("http://localhost:3000", true)]
    [InlineData("not a url", false)]
    [InlineData("abc", false)]
    [InlineData("http://", false)]
    [InlineData(".example.com", false)]
    [InlineData("https://exa mple.com", false)]
    public void Url_Format(string value, bool valid)
    {
        var url = new UrlField { Name = "site" };
        var error = url.ValidateValue(value);
        if (valid)
        {
            V.Passes(error);
        }
        else
        {
            V.Code("validation_invalid_url", error);
            Assert.Equal("Must be a valid url.", error!.Message);
        }
    }

    [Fact]
    public void Url_DomainsCompareTheHost()
    {
        var url = new UrlField { Name = "site", OnlyDomains = ["example.com"] };
        V.Passes(url.ValidateValue("https://example.com/x"));
        var error = url.ValidateValue("https://other.com/x");
        V.Code("validation_url_domain_not_allowed", error);
        Assert.Equal("Url domain is not allowed.", error!.Message);
        V.Code("validation_url_domain_not_allowed", url.ValidateValue("https://example.com:8080/"));
        V.Code("validation_url_domain_not_allowed", (url with { OnlyDomains = null, ExceptDomains = ["bad.io"] }).ValidateValue("http://bad.io"));
        V.Code("validation_required", (url with { Required = true }).ValidateValue(""));
    }

    [Fact]
    public void Editor_MaxSizeInBytes()
    {
        var editor = new EditorField { Name = "body", MaxSize = 4 };
        V.Passes(editor.ValidateValue("abcd"));
        var error = editor.ValidateValue("abcé");
        V.Code("validation_content_size_limit", error);
        Assert.Equal("The maximum allowed content size is 4 bytes.", error!.Message);
        Assert.Equal(4L, error.Params!["maxSize"]);
        V.Code("validation_required", (editor with { Required = true }).ValidateValue(""));
        V.Passes(new EditorField { Name = "body" }.ValidateValue(new string('a', 5 * 1024 * 1024)));
    }

    [Fact]
    public void Password_ChecksThePlainText()
    {
        var password = new PasswordField { Name = "password", Min = 8, Max = 10, Pattern = "[0-9]" };
        Assert.Equal("secret123", password.PrepareValue(V.Json("\"secret123\"")));
        V.Code("validation_required", (password with { Required = true }).ValidateValue(""));
        var shortOne = password.ValidateValue("abc1");
        V.Code("validation_min_text_constraint", shortOne);
        Assert.Equal("Must be at least 8 character(s).", shortOne!.Message);
        V.Passes(password.ValidateValue("abcdefg1"));
        V.Passes(password.ValidateValue("abcdefghi1"));
        var longOne = password.ValidateValue("abcdefghij1");
        V.Code("validation_max_text_constraint", longOne);
        Assert.Equal("Must be less than 10 character(s).", longOne!.Message);
        V.Code("validation_invalid_format", password.ValidateValue("abcdefgh"));
    }

    [Fact]
    public void Password_RefusesMoreThan256Bytes()
    {
        var password = new PasswordField { Name = "password" };
        V.Passes(password.ValidateValue(new string('a', 256)));
        V.Code("validation_invalid_value", password.ValidateValue(new string('a', 257)));
        V.Code("validation_invalid_value", password.ValidateValue(new string('é', 129)));
    }
}
