using System.Text.Json.Nodes;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Core.Records.Values;

namespace SharpBase.Core.Records;

/// <summary>Who is reading a record, which decides the hidden fields and email visibility.</summary>
/// <param name="IsSuperuser">Superusers see hidden fields and every email.</param>
/// <param name="IsOwner">The record written is the caller's own auth record (its email is shown).</param>
/// <param name="AuthId">The caller's record id, so expanded and listed records that are the caller count as owned.</param>
/// <param name="AuthCollectionId">The caller's collection id.</param>
public readonly record struct RecordAudience(bool IsSuperuser, bool IsOwner = false, string? AuthId = null, string? AuthCollectionId = null)
{
    /// <summary>True when <paramref name="row"/> is the caller's own record.</summary>
    public bool Owns(RecordRow row) => IsOwner || (AuthId is not null && row.Id == AuthId && row.Collection.Id == AuthCollectionId);
}

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

            if (isAuth && field.Name == "email" && !(audience.IsSuperuser || audience.Owns(row) || row.GetBool("emailVisibility")))
            {
                continue;
            }

            json[field.Name] = RecordValueWriter.ToJson(field, row.Values.GetValueOrDefault(field.Name));
        }

        if (row.Expand is { } expand)
        {
            var expanded = new JsonObject();
            foreach (var (name, value) in expand)
            {
                expanded[name] = value switch
                {
                    RecordRow single => ToJson(single, audience with { IsOwner = false }),
                    IEnumerable<RecordRow> many => new JsonArray(many.Select(r => (JsonNode?)ToJson(r, audience with { IsOwner = false })).ToArray()),
                    _ => null,
                };
            }

            json["expand"] = expanded;
        }

        return json;
    }
}
