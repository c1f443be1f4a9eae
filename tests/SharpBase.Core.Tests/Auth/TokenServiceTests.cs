using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SharpBase.Core.Auth;
using Xunit;

namespace SharpBase.Core.Tests.Auth;

public sealed class TokenServiceTests
{
    // A PocketBase-sized key: a 50-char tokenKey followed by a 30+ char collection secret.
    private const string Key = "tokenKeyOfTheRecord0123456789abcdefghijklmnopqrstuCollectionSecret0123456789abcdefghij";
    private const string OtherKey = "anotherTokenKey0123456789abcdefghijklmnopqrstuvwxyCollectionSecret0123456789abcdefghij";

    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Start);
    private readonly TokenService _tokens;

    public TokenServiceTests() => _tokens = new TokenService(_clock);

    [Fact]
    public void Issue_then_Validate_returns_the_claims()
    {
        var extra = new Dictionary<string, string> { ["email"] = "a@b.c" };
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true, extra), Key, TimeSpan.FromDays(7));

        var result = _tokens.Validate(token, Key, "auth");

        Assert.NotNull(result);
        Assert.Equal("rec123", result.Id);
        Assert.Equal("auth", result.Type);
        Assert.Equal("pbc_1", result.CollectionId);
        Assert.True(result.Refreshable);
        Assert.Equal(Start.AddDays(7), result.Expires);
        Assert.Equal("a@b.c", Assert.Single(result.Extra, e => e.Key == "email").Value);
        Assert.Single(result.Extra);
    }

    [Fact]
    public void Validate_of_token_without_refreshable_returns_null_refreshable()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "file", "pbc_1"), Key, TimeSpan.FromMinutes(3));

        var result = _tokens.Validate(token, Key, "file");

        Assert.NotNull(result);
        Assert.Null(result.Refreshable);
        Assert.Empty(result.Extra);
    }

    [Fact]
    public void Issued_token_has_exactly_the_pocketbase_header_and_claims()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", false), Key, TimeSpan.FromSeconds(1209600));

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("""{"alg":"HS256","typ":"JWT"}""", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Assert.Equal(
            ["collectionId", "exp", "id", "refreshable", "type"],
            payload.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.False, payload.RootElement.GetProperty("refreshable").ValueKind);
        Assert.Equal(Start.AddSeconds(1209600).ToUnixTimeSeconds(), payload.RootElement.GetProperty("exp").GetInt64());
    }

    [Fact]
    public void Email_change_token_has_email_and_newEmail_and_no_refreshable()
    {
        var extra = new Dictionary<string, string> { ["email"] = "old@b.c", ["newEmail"] = "new@b.c" };
        var token = _tokens.Issue(new TokenClaims("rec123", "emailChange", "pbc_1", null, extra), Key, TimeSpan.FromMinutes(30));

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));

        Assert.Equal(
            ["collectionId", "email", "exp", "id", "newEmail", "type"],
            payload.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("new@b.c", _tokens.Validate(token, Key, "emailChange")?.Extra["newEmail"]);
    }

    [Fact]
    public void Payload_decodes_with_plain_base64_like_atob_even_for_awkward_characters()
    {
        var extra = new Dictionary<string, string> { ["email"] = "w?x~y>z+\u00e9\u007f@b.c" };
        var token = _tokens.Issue(new TokenClaims("rec123", "verification", "pbc_1", null, extra), Key, TimeSpan.FromHours(1));

        var payloadSegment = token.Split('.')[1];
        Assert.DoesNotContain('-', payloadSegment);
        Assert.DoesNotContain('_', payloadSegment);
        var padded = payloadSegment.PadRight(payloadSegment.Length + ((4 - (payloadSegment.Length % 4)) % 4), '=');
        using var payload = JsonDocument.Parse(Convert.FromBase64String(padded));
        Assert.Equal("w?x~y>z+\u00e9\u007f@b.c", payload.RootElement.GetProperty("email").GetString());
        Assert.Equal("w?x~y>z+\u00e9\u007f@b.c", _tokens.Validate(token, Key, "verification")?.Extra["email"]);
    }

    [Fact]
    public void Signature_is_plain_hmac_sha256_of_the_key_bytes()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true), Key, TimeSpan.FromHours(1));

        var lastDot = token.LastIndexOf('.');
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.ASCII.GetBytes(token[..lastDot]));
        Assert.Equal(Base64Url.EncodeToString(mac), token[(lastDot + 1)..]);
    }

    [Fact]
    public void Short_signing_keys_still_work_and_sign_with_the_key_as_given()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true), "short", TimeSpan.FromHours(1));

        Assert.NotNull(_tokens.Validate(token, "short", "auth"));
        Assert.Null(_tokens.Validate(token, "shorT", "auth"));
        var lastDot = token.LastIndexOf('.');
        var mac = HMACSHA256.HashData("short"u8, Encoding.ASCII.GetBytes(token[..lastDot]));
        Assert.Equal(Base64Url.EncodeToString(mac), token[(lastDot + 1)..]);
    }

    [Fact]
    public void Tampered_payload_is_rejected()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true), Key, TimeSpan.FromHours(1));
        var parts = token.Split('.');
        var forgedPayload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"collectionId":"pbc_1","exp":{{Start.AddHours(1).ToUnixTimeSeconds()}},"id":"admin1","refreshable":true,"type":"auth"}"""));

        Assert.Null(_tokens.Validate($"{parts[0]}.{forgedPayload}.{parts[2]}", Key, "auth"));
    }

    [Fact]
    public void Tampered_signature_is_rejected()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true), Key, TimeSpan.FromHours(1));
        var flipped = token[^1] == 'A' ? 'B' : 'A';

        Assert.Null(_tokens.Validate(token[..^1] + flipped, Key, "auth"));
        Assert.Null(_tokens.Validate(token[..^1], Key, "auth"));
        Assert.Null(_tokens.Validate(token + "=", Key, "auth"));
    }

    [Fact]
    public void Alg_none_is_rejected()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true), Key, TimeSpan.FromHours(1));
        var parts = token.Split('.');
        var noneHeader = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);

        Assert.Null(_tokens.Validate($"{noneHeader}.{parts[1]}.", Key, "auth"));
        Assert.Null(_tokens.Validate($"{noneHeader}.{parts[1]}.{parts[2]}", Key, "auth"));
        Assert.False(_tokens.TryReadUnverified($"{noneHeader}.{parts[1]}.", out _));
    }

    [Fact]
    public void Token_signed_with_another_key_is_rejected()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true), OtherKey, TimeSpan.FromHours(1));

        Assert.Null(_tokens.Validate(token, Key, "auth"));
        Assert.Null(_tokens.Validate(token, "", "auth"));
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha384)]
    [InlineData(SecurityAlgorithms.HmacSha512)]
    public void Other_hmac_algorithms_with_the_right_key_are_rejected(string algorithm)
    {
        var payload = $$"""{"collectionId":"pbc_1","exp":{{Start.AddHours(1).ToUnixTimeSeconds()}},"id":"rec123","type":"auth"}""";
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Key)), algorithm);
        var token = new JsonWebTokenHandler().CreateToken(payload, credentials);

        Assert.Null(_tokens.Validate(token, Key, "auth"));
    }

    [Fact]
    public void Header_with_lowercase_alg_or_crit_is_rejected()
    {
        var payload = $$"""{"collectionId":"pbc_1","exp":{{Start.AddHours(1).ToUnixTimeSeconds()}},"id":"rec123","type":"auth"}""";

        Assert.Null(_tokens.Validate(Sign("""{"alg":"hs256"}""", payload), Key, "auth"));
        Assert.Null(_tokens.Validate(Sign("""{"alg":"HS256","crit":["b64"],"b64":false}""", payload), Key, "auth"));
        Assert.Null(_tokens.Validate(Sign("""{"alg":"HS256","alg":"HS256"}""", payload), Key, "auth"));
        Assert.NotNull(_tokens.Validate(Sign("""{"alg":"HS256"}""", payload), Key, "auth"));
    }

    [Fact]
    public void Expired_token_is_rejected_after_five_seconds_of_skew()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true), Key, TimeSpan.FromMinutes(10));

        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(5));
        Assert.NotNull(_tokens.Validate(token, Key, "auth"));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(_tokens.Validate(token, Key, "auth"));
    }

    [Fact]
    public void Token_without_exp_or_with_bad_exp_is_rejected()
    {
        Assert.Null(_tokens.Validate(Sign("""{"alg":"HS256","typ":"JWT"}""", """{"collectionId":"pbc_1","id":"rec123","type":"auth"}"""), Key, "auth"));
        Assert.Null(_tokens.Validate(Sign("""{"alg":"HS256","typ":"JWT"}""", """{"collectionId":"pbc_1","exp":"9999999999","id":"rec123","type":"auth"}"""), Key, "auth"));
        Assert.Null(_tokens.Validate(Sign("""{"alg":"HS256","typ":"JWT"}""", """{"collectionId":"pbc_1","exp":1e300,"id":"rec123","type":"auth"}"""), Key, "auth"));
    }

    [Fact]
    public void Fractional_exp_is_accepted()
    {
        var exp = Start.AddHours(1).ToUnixTimeSeconds();
        var token = Sign("""{"alg":"HS256","typ":"JWT"}""", $$"""{"collectionId":"pbc_1","exp":{{exp}}.5,"id":"rec123","type":"auth"}""");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(exp), _tokens.Validate(token, Key, "auth")?.Expires);
    }

    [Fact]
    public void Wrong_expected_type_is_rejected()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "file", "pbc_1"), Key, TimeSpan.FromMinutes(3));

        Assert.Null(_tokens.Validate(token, Key, "auth"));
        Assert.Null(_tokens.Validate(token, Key, "File"));
    }

    [Fact]
    public void TryReadUnverified_reads_the_lookup_claims_without_the_key()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true), Key, TimeSpan.FromHours(1));

        Assert.True(_tokens.TryReadUnverified(token, out var unverified));
        Assert.Equal(new UnverifiedToken("rec123", "auth", "pbc_1"), unverified);
    }

    [Fact]
    public void TryReadUnverified_does_not_check_signature_or_expiry()
    {
        var token = _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", true), Key, TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.True(_tokens.TryReadUnverified(token[..^2] + "AA", out var unverified));
        Assert.Equal("rec123", unverified.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b")]
    [InlineData("a.b.c")]
    [InlineData("a.b.c.d")]
    [InlineData("...")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6InJlYzEyMyJ9.c2ln")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.bm90IGpzb24.c2ln")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.WzEsMiwzXQ.c2ln")]
    [InlineData("bm90IGpzb24.eyJjb2xsZWN0aW9uSWQiOiJwYmNfMSIsImlkIjoicmVjMTIzIiwidHlwZSI6ImF1dGgifQ.c2ln")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb2xsZWN0aW9uSWQiOiJwYmNfMSIsImlkIjoicmVjMTIzIiwidHlwZSI6ImF1dGgifQ.")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb2xsZWN0aW9uSWQiOiJwYmNfMSIsImlkIjoicmVjMTIzIiwidHlwZSI6ImF1dGgifQ.c2ln")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb2xsZWN0aW9uSWQiOiJwYmNfMSIsImlkIjoicmVjMTIzIiwidHlwZSI6ImF1dGgifQ==.c2ln")]
    public void TryReadUnverified_rejects_garbage(string token)
    {
        Assert.False(_tokens.TryReadUnverified(token, out var unverified));
        Assert.Null(unverified);
        Assert.Null(_tokens.Validate(token, Key, "auth"));
    }

    [Fact]
    public void TryReadUnverified_accepts_the_well_formed_control_token()
    {
        // The garbage cases above are this token with one thing broken.
        Assert.True(_tokens.TryReadUnverified(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb2xsZWN0aW9uSWQiOiJwYmNfMSIsImlkIjoicmVjMTIzIiwidHlwZSI6ImF1dGgifQ.c2ln",
            out _));
    }

    [Theory]
    [InlineData("""{"collectionId":"pbc_1","id":"rec123","id":"other","type":"auth"}""")]
    [InlineData("""{"collectionId":"pbc_1","id":123,"type":"auth"}""")]
    [InlineData("""{"collectionId":"pbc_1","id":"","type":"auth"}""")]
    [InlineData("""{"collectionId":"pbc_1","id":{"id":"rec123"},"type":"auth"}""")]
    [InlineData("""{"collectionId":"pbc_1","id":"rec123","type":"auth","refreshable":"true"}""")]
    [InlineData("""{"collectionId":"pbc_1","id":"rec123","type":"auth"} {}""")]
    public void TryReadUnverified_rejects_ambiguous_or_mistyped_claims(string payload)
    {
        Assert.False(_tokens.TryReadUnverified(Sign("""{"alg":"HS256","typ":"JWT"}""", payload), out _));
    }

    [Fact]
    public void TryReadUnverified_rejects_oversized_tokens()
    {
        var huge = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + new string('A', 10 * 1024 * 1024) + ".c2ln";

        Assert.False(_tokens.TryReadUnverified(huge, out _));
        Assert.Null(_tokens.Validate(huge, Key, "auth"));
    }

    [Fact]
    public void Issue_rejects_reserved_extra_claims_and_bad_arguments()
    {
        foreach (var reserved in new[] { "iat", "nbf", "exp", "iss", "aud", "id", "type", "collectionId", "refreshable" })
        {
            var extra = new Dictionary<string, string> { [reserved] = "x" };
            Assert.Throws<ArgumentException>(() =>
                _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1", null, extra), Key, TimeSpan.FromHours(1)));
        }

        Assert.Throws<ArgumentException>(() => _tokens.Issue(new TokenClaims("", "auth", "pbc_1"), Key, TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentException>(() => _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1"), "", TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _tokens.Issue(new TokenClaims("rec123", "auth", "pbc_1"), Key, TimeSpan.Zero));
    }

    private static string Sign(string headerJson, string payloadJson)
    {
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson)) + "."
            + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(mac);
    }
}
