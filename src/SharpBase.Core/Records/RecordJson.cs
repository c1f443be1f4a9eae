using System.Text.Json.Nodes;
using SharpBase.Core.Common;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Records;

/// <summary>Who is reading a record, which decides the hidden fields and email visibility.</summary>
/// <param name="IsSuperuser">Superusers see hidden fields and every email.</param>
/// <param name="IsOwner">The record is the caller's own auth record (its email is shown).</param>
public readonly record struct RecordAudience(bool IsSuperuser, bool IsOwner);

/// <summary>A record in PocketBase's JSON shape (§3 of the wire reference).</summary>
public static class RecordJson
{
    /// <summary>The record as JSON for <paramref name="audience"/>: never <c>password</c> or <c>tokenKey</c>.</summary>
    public static JsonObject ToJson(RecordRow row, RecordAudience audience)
    {
        var collection = row.Collection;
        var json = new JsonObject { ["collectionId"] = collection.Id, ["collectionName"] = collection.Name };
        var isAuth = collection.Type == CollectionType.Auth;
        foreach (var field in collection.Fields)
        {
            if (field is PasswordField || (isAuth && field.Name == "tokenKey") || (field.Hidden && !audience.IsSuperuser))
            {
                continue;
            }

            if (isAuth && field.Name == "email" && !(audience.IsSuperuser || audience.IsOwner || row.GetBool("emailVisibility")))
            {
                continue;
            }

            json[field.Name] = Value(field, row.Values.GetValueOrDefault(field.Name));
        }

        return json;
    }

    private static JsonNode? Value(Field field, object? value) => field.Column.Type switch
    {
        ColumnType.DateTime => DateTimeText.Format(value as DateTimeOffset?),
        ColumnType.Json => value is string text ? JsonNode.Parse(text) : field.Column.JsonDefault is { } empty ? JsonNode.Parse(empty) : null,
        ColumnType.Number => value is double d ? JsonValue.Create(d) : JsonValue.Create(0d),
        ColumnType.Bool => JsonValue.Create(value is true),
        _ => JsonValue.Create(value as string ?? ""),
    };
}
