using System.Buffers;
using System.Buffers.Text;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace SharpBase.Core.Auth;

public sealed partial class TokenService
{
    private static bool TryParse(string? token, out ParsedToken parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return false;
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (secondDot < 0)
        {
            return false;
        }

        // Three non-empty segments of base64url characters (so also no third dot, no padding, no whitespace).
        var header = token.AsSpan(0, firstDot);
        var payload = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var signature = token.AsSpan(secondDot + 1);
        if (header.IsEmpty || payload.IsEmpty || signature.IsEmpty
            || header.ContainsAnyExcept(Base64UrlChars) || payload.ContainsAnyExcept(Base64UrlChars)
            || signature.ContainsAnyExcept(Base64UrlChars))
        {
            return false;
        }

        var headerJson = DecodeBase64Url(header);
        var payloadJson = DecodeBase64Url(payload);
        if (headerJson is null || payloadJson is null || !IsAcceptedHeader(headerJson))
        {
            return false;
        }

        return TryReadPayload(payloadJson, secondDot, out parsed);
    }

    private static byte[]? DecodeBase64Url(ReadOnlySpan<char> segment)
    {
        var buffer = new byte[Base64Url.GetMaxDecodedLength(segment.Length)];
        var status = Base64Url.DecodeFromChars(segment, buffer, out var consumed, out var written);
        return status == OperationStatus.Done && consumed == segment.Length ? buffer.AsSpan(0, written).ToArray() : null;
    }

    private static bool IsAcceptedHeader(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var hasAlgorithm = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!names.Add(name) || !reader.Read())
                {
                    return false;
                }

                switch (name)
                {
                    case "alg":
                        if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("HS256"u8))
                        {
                            return false;
                        }

                        hasAlgorithm = true;
                        break;
                    case "crit":
                        // No extensions are understood, so a token that marks any as critical is refused (RFC 7515 §4.1.11).
                        return false;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && hasAlgorithm && !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryReadPayload(ReadOnlySpan<byte> json, int signedLength, out ParsedToken parsed)
    {
        parsed = default;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? id = null, type = null, collectionId = null;
            bool? refreshable = null;
            long? exp = null;
            Dictionary<string, string>? extra = null;
            var names = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!names.Add(name) || !reader.Read())
                {
                    return false;
                }

                switch (name)
                {
                    case "id":
                        if (!TryReadString(ref reader, out id))
                        {
                            return false;
                        }

                        break;
                    case "type":
                        if (!TryReadString(ref reader, out type))
                        {
                            return false;
                        }

                        break;
                    case "collectionId":
                        if (!TryReadString(ref reader, out collectionId))
                        {
                            return false;
                        }

                        break;
                    case "refreshable":
                        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                        {
                            return false;
                        }

                        refreshable = reader.GetBoolean();
                        break;
                    case "exp":
                        if (!TryReadExp(ref reader, out var seconds))
                        {
                            return false;
                        }

                        exp = seconds;
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            extra ??= new Dictionary<string, string>(StringComparer.Ordinal);
                            extra[name] = reader.GetString()!;
                        }
                        else
                        {
                            reader.Skip();
                        }

                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()
                || string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type) || string.IsNullOrEmpty(collectionId))
            {
                return false;
            }

            parsed = new ParsedToken(
                id,
                type,
                collectionId,
                refreshable,
                exp,
                extra is null ? ReadOnlyDictionary<string, string>.Empty : extra.AsReadOnly(),
                signedLength);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryReadString(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool TryReadExp(ref Utf8JsonReader reader, out long seconds)
    {
        seconds = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return false;
        }

        if (!reader.TryGetInt64(out seconds))
        {
            // A NumericDate may be fractional (RFC 7519 §2).
            if (!reader.TryGetDouble(out var fractional) || !double.IsFinite(fractional) || fractional < 0 || fractional > MaxExp)
            {
                return false;
            }

            seconds = (long)Math.Floor(fractional);
        }

        return seconds is >= 0 and <= MaxExp;
    }

    private readonly record struct ParsedToken(
        string Id,
        string Type,
        string CollectionId,
        bool? Refreshable,
        long? Exp,
        IReadOnlyDictionary<string, string> Extra,
        int SignedLength);
}
