using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Records.Values;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Records;

/// <summary>Who is reading a record, which decides the hidden fields and email visibility.</summary>
/// <param name="IsSuperuser">Superusers see hidden fields and every email.</param>
/// <param name="IsOwner">The record written is the caller's own auth record (its email is shown).</param>
/// <param name="AuthId">The caller's record id, so expanded and listed records that are the caller count as owned.</param>
/// <param name="AuthCollectionId">The caller's collection id.</param>
/// <param name="ManagedIds">Auth records whose collection's manageRule the caller passes (their emails are shown too).</param>
public readonly record struct RecordAudience(
    bool IsSuperuser, bool IsOwner = false, string? AuthId = null, string? AuthCollectionId = null, IReadOnlySet<string>? ManagedIds = null)
{
    /// <summary>True when <paramref name="row"/> is the caller's own record, or one the caller manages.</summary>
    public bool Owns(RecordRow row) =>
        IsOwner || (AuthId is not null && row.Id == AuthId && row.Collection.Id == AuthCollectionId) || ManagedIds?.Contains(row.Id) == true;
}

/// <summary>A record in PocketBase's JSON shape (§3 of the wire reference).</summary>
public static class RecordJson
{
    private static readonly JsonEncodedText CollectionIdName = JsonEncodedText.Encode("collectionId");
    private static readonly JsonEncodedText CollectionNameName = JsonEncodedText.Encode("collectionName");

    // Field names encoded once per collection version; a schema change brings new Collection instances.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Collection, JsonEncodedText[]> EncodedNames = new();

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the record for <paramref name="audience"/> straight to <paramref name="writer"/>: never <c>password</c> or
    /// <c>tokenKey</c>, hidden fields only for superusers, an auth record's email only when visible to the caller.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, RecordRow row, RecordAudience audience)
    {
        var collection = row.Collection;
        var names = EncodedNames.GetValue(collection, static c => c.Fields.Select(f => JsonEncodedText.Encode(f.Name, WriterOptions.Encoder)).ToArray());
        writer.WriteStartObject();
        writer.WriteString(CollectionIdName, collection.Id);
        writer.WriteString(CollectionNameName, collection.Name);
        var isAuth = collection.Type == CollectionType.Auth;
        for (var i = 0; i < collection.Fields.Count; i++)
        {
            var field = collection.Fields[i];
            if (field is PasswordField || (isAuth && field.Name == "tokenKey") || (field.Hidden && !audience.IsSuperuser))
            {
                continue;
            }

            if (isAuth && field.Name == "email" && !(audience.IsSuperuser || audience.Owns(row) || row.GetBool("emailVisibility")))
            {
                continue;
            }

            writer.WritePropertyName(names[i]);
            RecordValueWriter.Write(writer, field, row.ValueAt(i));
        }

        if (row.Expand is { } expand)
        {
            writer.WriteStartObject("expand");
            var nested = audience with { IsOwner = false, ManagedIds = null };
            foreach (var (name, value) in expand)
            {
                writer.WritePropertyName(name);
                if (value is RecordRow single)
                {
                    Write(writer, single, nested);
                }
                else
                {
                    writer.WriteStartArray();
                    foreach (var item in (IEnumerable<RecordRow>)value)
                    {
                        Write(writer, item, nested);
                    }

                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The record as a JSON object (for responses that are reshaped, such as the <c>fields</c> filter).</summary>
    public static JsonObject ToJson(RecordRow row, RecordAudience audience)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, row, audience);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>The writer options record JSON uses (relaxed escaping, as the rest of the API).</summary>
    public static JsonWriterOptions Options => WriterOptions;
}
