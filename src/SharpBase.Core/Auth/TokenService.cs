using System.Buffers;
using System.Buffers.Text;
using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SharpBase.Core.Auth;

/// <summary>
/// Issues and validates PocketBase-style JWTs (wire spec §8.10): header <c>{"alg":"HS256","typ":"JWT"}</c>, payload with
/// <c>id</c>, <c>type</c>, <c>collectionId</c>, optional <c>refreshable</c>, string extras and <c>exp</c> (Unix seconds), and no
/// <c>iat</c>, <c>nbf</c>, <c>iss</c> or <c>aud</c>. The signing key is the record's <c>tokenKey</c> followed by the collection
/// secret; the caller concatenates them. "Now" always comes from the injected <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Tokens are created with <see cref="JsonWebTokenHandler"/>. Validation is done here rather than by the handler, because the
/// handler's only synchronous validation method is obsolete and its asynchronous one would need a blocking wait on every
/// request: the token is parsed strictly (three base64url segments, JSON objects, no duplicate members), <c>alg</c> must be
/// exactly <c>HS256</c> (so <c>none</c>, HS384, HS512, RS* and the rest are refused), the HMAC-SHA256 signature is compared
/// in constant time in its canonical base64url form, and <c>exp</c> is required and checked with a 5-second clock skew.
/// </remarks>
public sealed partial class TokenService
{
    /// <summary>The longest token, in characters, that is read or issued (PocketBase tokens are about 250).</summary>
    public const int MaxTokenLength = 4096;

    /// <summary>How far past <c>exp</c> a token is still accepted.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    private const string Algorithm = SecurityAlgorithms.HmacSha256;
    private const int SignatureBytes = 32;
    private const int SignatureChars = 43;

    // IdentityModel refuses HMAC keys under 128 bits. HMAC zero-pads keys shorter than its 64-byte block, so padding a
    // short key with zero bytes to 32 gives exactly the same signature as the unpadded key (which Validate uses).
    private const int LibraryMinKeyBytes = 32;

    // The largest exp whose DateTimeOffset plus the clock skew stays representable.
    private const long MaxExp = 253_402_300_000;

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private static readonly CryptoProviderFactory UncachedProviders = new() { CacheSignatureProviders = false };

    // Escape everything outside printable ASCII, and also '>', '?', '~' and DEL: in ASCII JSON only those bytes can produce
    // the base64url characters '-' and '_', which the JS SDK's atob() refuses when it reads exp (wire spec §8.10).
    private static readonly JsonWriterOptions PayloadWriterOptions = new() { Encoder = CreatePayloadEncoder() };

    private static readonly SearchValues<char> Base64UrlChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly FrozenSet<string> ReservedClaims = FrozenSet.ToFrozenSet(
        ["id", "type", "collectionId", "refreshable", "exp", "iat", "nbf", "iss", "aud", "sub", "jti"],
        StringComparer.Ordinal);

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service; <paramref name="timeProvider"/> gives "now" for <c>exp</c> when issuing and validating.</summary>
    public TokenService(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Issues an HS256 token for <paramref name="claims"/>, expiring <paramref name="lifetime"/> from now (<c>exp</c> is Unix
    /// seconds, rounded down), signed with the UTF-8 bytes of <paramref name="signingKey"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An empty id, type, collection id or signing key; an extra claim with an empty or reserved name (<c>id</c>, <c>type</c>,
    /// <c>collectionId</c>, <c>refreshable</c>, <c>exp</c>, <c>iat</c>, <c>nbf</c>, <c>iss</c>, <c>aud</c>, <c>sub</c>,
    /// <c>jti</c>) or a null value; a token longer than <see cref="MaxTokenLength"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is not positive.</exception>
    public string Issue(TokenClaims claims, string signingKey, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrEmpty(claims.Id, nameof(claims));
        ArgumentException.ThrowIfNullOrEmpty(claims.Type, nameof(claims));
        ArgumentException.ThrowIfNullOrEmpty(claims.CollectionId, nameof(claims));
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        var exp = (_timeProvider.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var payload = WritePayload(claims, exp);

        var keyBytes = Encoding.UTF8.GetBytes(signingKey);
        if (keyBytes.Length < LibraryMinKeyBytes)
        {
            Array.Resize(ref keyBytes, LibraryMinKeyBytes);
        }

        string token;
        try
        {
            var credentials = new SigningCredentials(new SymmetricSecurityKey(keyBytes), Algorithm)
            {
                CryptoProviderFactory = UncachedProviders,
            };
            token = Handler.CreateToken(payload, credentials);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyBytes);
        }

        if (token.Length > MaxTokenLength)
        {
            throw new ArgumentException($"The token would be longer than {MaxTokenLength} characters.", nameof(claims));
        }

        return token;
    }

    /// <summary>
    /// Reads <c>id</c>, <c>type</c> and <c>collectionId</c> from <paramref name="token"/> WITHOUT checking its signature or
    /// expiry, to find the record whose key validates it. False unless the token is three base64url segments whose header is
    /// a JSON object with <c>alg</c> <c>HS256</c> and whose payload is a JSON object with those three claims as non-empty
    /// strings. The caller strips any <c>Bearer </c> prefix first.
    /// </summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the service is injected.")]
    public bool TryReadUnverified(string token, [MaybeNullWhen(false)] out UnverifiedToken unverified)
    {
        if (!TryParse(token, out var parsed))
        {
            unverified = null;
            return false;
        }

        unverified = new UnverifiedToken(parsed.Id, parsed.Type, parsed.CollectionId);
        return true;
    }

    /// <summary>
    /// Validates <paramref name="token"/> against <paramref name="signingKey"/> and returns its claims, or null when it is
    /// malformed, its <c>alg</c> is not HS256, its signature does not match, <c>exp</c> is missing or more than
    /// <see cref="ClockSkew"/> in the past, or its <c>type</c> is not <paramref name="expectedType"/>. The caller must still
    /// check that the returned <c>Id</c> and <c>CollectionId</c> are those of the record whose key it used.
    /// </summary>
    public TokenValidationResult? Validate(string token, string signingKey, string expectedType)
    {
        if (string.IsNullOrEmpty(signingKey) || string.IsNullOrEmpty(expectedType) || !TryParse(token, out var parsed))
        {
            return null;
        }

        var signingInput = token.AsSpan(0, parsed.SignedLength);
        var signature = token.AsSpan(parsed.SignedLength + 1);
        if (!SignatureMatches(signingInput, signature, signingKey))
        {
            return null;
        }

        if (parsed.Exp is not { } exp || !string.Equals(parsed.Type, expectedType, StringComparison.Ordinal))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (_timeProvider.GetUtcNow() > expires + ClockSkew)
        {
            return null;
        }

        return new TokenValidationResult(parsed.Id, parsed.Type, parsed.CollectionId, parsed.Refreshable, expires, parsed.Extra);
    }

    private static string WritePayload(TokenClaims claims, long exp)
    {
        // Keys in ordinal order, as PocketBase's Go encoder writes its claims map.
        var entries = new SortedList<string, object>(StringComparer.Ordinal)
        {
            ["id"] = claims.Id,
            ["type"] = claims.Type,
            ["collectionId"] = claims.CollectionId,
            ["exp"] = exp,
        };
        if (claims.Refreshable is { } refreshable)
        {
            entries["refreshable"] = refreshable;
        }

        foreach (var (name, value) in claims.Extra ?? ReadOnlyDictionary<string, string>.Empty)
        {
            if (string.IsNullOrEmpty(name) || ReservedClaims.Contains(name))
            {
                throw new ArgumentException($"'{name}' cannot be used as an extra claim name.", nameof(claims));
            }

            if (value is null)
            {
                throw new ArgumentException($"The extra claim '{name}' has no value.", nameof(claims));
            }

            entries[name] = value;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, PayloadWriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in entries)
            {
                switch (value)
                {
                    case string text:
                        writer.WriteString(name, text);
                        break;
                    case bool flag:
                        writer.WriteBoolean(name, flag);
                        break;
                    case long number:
                        writer.WriteNumber(name, number);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JavaScriptEncoder CreatePayloadEncoder()
    {
        var settings = new TextEncoderSettings(UnicodeRanges.BasicLatin);
        settings.ForbidCharacters('>', '?', '~', '\u007F');
        return JavaScriptEncoder.Create(settings);
    }

    private static bool SignatureMatches(ReadOnlySpan<char> signingInput, ReadOnlySpan<char> signature, string signingKey)
    {
        if (signature.Length != SignatureChars)
        {
            return false;
        }

        // The signing input is base64url (checked by TryParse), so one byte per char; its length is at most MaxTokenLength.
        Span<byte> input = stackalloc byte[signingInput.Length];
        Encoding.ASCII.GetBytes(signingInput, input);

        var key = Encoding.UTF8.GetBytes(signingKey);
        Span<byte> mac = stackalloc byte[SignatureBytes];
        HMACSHA256.HashData(key, input, mac);
        CryptographicOperations.ZeroMemory(key);

        // Comparing the canonical encoding (not the decoded bytes) also refuses padded or non-canonical signature text.
        Span<char> expected = stackalloc char[SignatureChars];
        Base64Url.EncodeToChars(mac, expected);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(signature));
    }
}
