using System.Text;
using Konscious.Security.Cryptography;
using SharpBase.Core.Auth;
using Xunit;

namespace SharpBase.Core.Tests.Auth;

public sealed class PasswordHasherTests
{
    private const string CurrentPrefix = "$argon2id$v=19$m=19456,t=2,p=1$";

    private readonly PasswordHasher _hasher = new();

    [Fact]
    public void Hash_then_Verify_succeeds()
    {
        var hash = _hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Success, _hasher.Verify("correct horse battery staple", hash));
    }

    [Fact]
    public void Verify_with_wrong_password_fails()
    {
        var hash = _hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("correct horse battery stapler", hash));
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("", hash));
    }

    [Fact]
    public void Hash_is_an_argon2id_phc_string_with_current_parameters()
    {
        var hash = _hasher.Hash("p\u00e4ssw\u00f6rd");

        Assert.StartsWith(CurrentPrefix, hash, StringComparison.Ordinal);
        var parts = hash[CurrentPrefix.Length..].Split('$');
        Assert.Equal(2, parts.Length);
        Assert.DoesNotContain('=', parts[0] + parts[1]);
        Assert.Equal(16, Convert.FromBase64String(Pad(parts[0])).Length);
        Assert.Equal(32, Convert.FromBase64String(Pad(parts[1])).Length);
    }

    [Fact]
    public void Hash_uses_a_fresh_salt_each_time()
    {
        Assert.NotEqual(_hasher.Hash("same password"), _hasher.Hash("same password"));
    }

    [Fact]
    public void Verify_accepts_the_argon2_reference_test_vector()
    {
        // From the Argon2 reference implementation's test.c (Argon2id, v=0x13); its 8-byte salt is below ours, so rehash.
        const string reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _hasher.Verify("password", reference));
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("passwore", reference));
    }

    [Fact]
    public void Verify_of_argon2id_with_weaker_parameters_asks_for_rehash()
    {
        var salt = Encoding.UTF8.GetBytes("0123456789abcdef");
        using var argon2 = new Argon2id(Encoding.UTF8.GetBytes("secret123"))
        {
            Salt = salt,
            DegreeOfParallelism = 1,
            Iterations = 1,
            MemorySize = 4096,
        };
        var weak = "$argon2id$v=19$m=4096,t=1,p=1$" + Unpadded(salt) + "$" + Unpadded(argon2.GetBytes(32));

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _hasher.Verify("secret123", weak));
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("secret124", weak));
    }

    [Fact]
    public void Verify_of_bcrypt_succeeds_and_asks_for_rehash()
    {
        var bcrypt = BCrypt.Net.BCrypt.HashPassword("secret123", 4);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _hasher.Verify("secret123", bcrypt));
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("secret124", bcrypt));
    }

    [Theory]
    [InlineData("$2a$")]
    [InlineData("$2b$")]
    [InlineData("$2y$")]
    public void Verify_accepts_each_bcrypt_prefix(string prefix)
    {
        var bcrypt = BCrypt.Net.BCrypt.HashPassword("secret123", 4);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _hasher.Verify("secret123", prefix + bcrypt[4..]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("secret123")]
    [InlineData("$argon2id$")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$!!!!$!!!!")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc$extra")]
    [InlineData("$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$v=19$t=2,m=65536,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$v=19$m=-1,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$v=19$m=4294967295,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$v=19$m=65536,t=4000000,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2id$v=19$m=8,t=1,p=4$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("$2b$04$")]
    [InlineData("$2b$xx$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0")]
    [InlineData("$2b$31$abcdefghijklmnopqrstuuOOwAmGnl3BL9JgfySATH1ZNc0ZQ1e2u")]
    [InlineData("$2x$04$abcdefghijklmnopqrstuuOOwAmGnl3BL9JgfySATH1ZNc0ZQ1e2u")]
    [InlineData("$2b$04$!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void Verify_of_malformed_or_unsupported_hash_fails(string storedHash)
    {
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("password", storedHash));
    }

    [Fact]
    public void Verify_with_null_arguments_fails()
    {
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify(null!, CurrentPrefix + "c29tZXNhbHQ$c29tZXNhbHQ"));
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("password", null!));
    }

    [Fact]
    public void Verify_of_a_huge_password_fails_without_throwing()
    {
        var hash = _hasher.Hash("secret123");
        var huge = new string('a', 10 * 1024 * 1024);

        Assert.Equal(PasswordVerification.Failed, _hasher.Verify(huge, hash));
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify(huge, BCrypt.Net.BCrypt.HashPassword("secret123", 4)));
        _hasher.DummyVerify(huge);
    }

    [Fact]
    public void Hash_rejects_passwords_over_the_byte_limit()
    {
        Assert.Throws<ArgumentException>(() => _hasher.Hash(new string('a', PasswordHasher.MaxPasswordBytes + 1)));
        Assert.Throws<ArgumentException>(() => _hasher.Hash(new string('a', 10 * 1024 * 1024)));
        // 86 x U+20AC is 86 chars but 258 UTF-8 bytes.
        Assert.Throws<ArgumentException>(() => _hasher.Hash(new string('\u20ac', 86)));
        Assert.Throws<ArgumentException>(() => _hasher.Hash(""));
    }

    [Fact]
    public void Hash_accepts_a_password_of_exactly_the_byte_limit()
    {
        var password = new string('\u20ac', 85) + "a"; // 255 + 1 = 256 bytes

        var hash = _hasher.Hash(password);

        Assert.Equal(PasswordVerification.Success, _hasher.Verify(password, hash));
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify(password + "a", hash));
    }

    [Fact]
    public void DummyVerify_does_not_throw()
    {
        _hasher.DummyVerify("any password");
        _hasher.DummyVerify("");
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');

    private static string Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
