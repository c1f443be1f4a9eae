using System.Text.Json;

namespace SharpBase.Http.Body;

/// <summary>
/// The shape every JSON request body must fit before it is parsed into nodes and bound: a guest must not make the server
/// build a million-member object or recurse deeply. The limits are far above what a record, a settings patch or an auth
/// body needs (a collection's fields, a JSON field's document), and a body outside them is a 400.
/// </summary>
public static class JsonBodyLimits
{
    /// <summary>The deepest nesting of objects and arrays.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most members of one object (and items of one array).</summary>
    public const int MaxMembers = 1000;

    /// <summary>The most values (of any kind, at any depth) in one body.</summary>
    public const int MaxValues = 100_000;

    /// <summary>Parser options matching the limits; duplicate keys are refused rather than resolved.</summary>
    public static JsonDocumentOptions DocumentOptions => new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>Walks the body once without allocating; throws the 400 when it is malformed or outside the limits.</summary>
    public static void Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        Span<int> members = stackalloc int[MaxDepth + 1];
        var values = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Count(ref values, members, reader.CurrentDepth);
                        members[reader.CurrentDepth + 1] = 0;
                        break;
                    case JsonTokenType.PropertyName:
                        CheckEscapes(ref reader);
                        break;
                    case JsonTokenType.String:
                        CheckEscapes(ref reader);
                        Count(ref values, members, reader.CurrentDepth);
                        break;
                    case JsonTokenType.Number when !Core.Common.JsonNumbers.IsFinite(ref reader):
                        // Go's decoder refuses the whole body, so PocketBase answers this 400 too.
                        throw RequestBody.Invalid("a number outside float64");
                    case JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.Comment:
                        break;
                    default:
                        Count(ref values, members, reader.CurrentDepth);
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw RequestBody.Invalid(exception.Message);
        }
    }

    /// <summary>
    /// An escaped string must unescape to valid UTF-16: a lone surrogate (<c>"\ud800"</c>) passes the reader but fails
    /// every later read of the string, and cannot be stored as UTF-8 by either database. <c>"\u0000"</c> is refused too:
    /// PostgreSQL's text and jsonb cannot hold it, and a body should mean the same on both databases.
    /// </summary>
    private static void CheckEscapes(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return;
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(length);
        try
        {
            if (buffer.AsSpan(0, reader.CopyString(buffer)).Contains('\0'))
            {
                throw RequestBody.Invalid("a string with a U+0000 escape");
            }
        }
        catch (InvalidOperationException)
        {
            throw RequestBody.Invalid("a string with an unpaired surrogate escape");
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void Count(ref int values, Span<int> members, int depth)
    {
        if (++values > MaxValues)
        {
            throw RequestBody.Invalid($"more than {MaxValues} values");
        }

        if (depth > 0 && ++members[depth] > MaxMembers)
        {
            throw RequestBody.Invalid($"an object or array with more than {MaxMembers} members");
        }
    }
}
