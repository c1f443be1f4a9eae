using System.Text.Json.Nodes;
using SharpBase.Core.Common;
using SharpBase.Core.Records.Values;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Records;

/// <summary>The values of a record after a body was applied, and which fields the body touched.</summary>
public sealed class BoundRecord(Dictionary<string, object?> values, HashSet<string> changed)
{
    /// <summary>Every field's value, in stored CLR form (passwords still plain until hashed).</summary>
    public Dictionary<string, object?> Values { get; } = values;

    /// <summary>Names of the fields the body set.</summary>
    public HashSet<string> Changed { get; } = changed;

    /// <summary><c>passwordConfirm</c> from an auth body.</summary>
    public string? PasswordConfirm { get; init; }

    /// <summary><c>oldPassword</c> from an auth body.</summary>
    public string? OldPassword { get; init; }

    /// <summary>
    /// The body after modifiers resolved, as <c>@request.body</c> for rules: each field the body set under its name with its
    /// new value, and every key that names no field as sent (hidden fields of a non-superuser's body are left out).
    /// </summary>
    public JsonObject ResolvedBody { get; init; } = [];
}

/// <summary>
/// Applies a create/update body to a record as PocketBase does: unknown and reserved keys are ignored, autodate fields
/// cannot be set, hidden fields are dropped for non-superusers (except an auth collection's password), and modifier
/// keys (<c>n+</c>, <c>+tags</c>, <c>tags-</c>) apply after the plain key, shortest key first.
/// </summary>
public sealed class RecordValueBinder(IRandomSource random)
{
    /// <summary>
    /// The most body keys that name no field. PocketBase ignores unknown keys, and clients send a few (a fetched record
    /// sent back with <c>id</c>, <c>created</c>, <c>expand</c>); thousands are an attack on the binder, not a mistake.
    /// </summary>
    public const int MaxUnknownKeys = 50;

    private static readonly HashSet<string> ReservedKeys = new(["expand", "collectionId", "collectionName"], StringComparer.Ordinal);

    /// <summary>Applies <paramref name="body"/> on top of <paramref name="current"/> (null on create: every field starts empty).</summary>
    public BoundRecord Bind(Collection collection, JsonObject body, IReadOnlyDictionary<string, object?>? current, bool isSuperuser)
    {
        RefuseManyUnknownKeys(collection, body);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in collection.Fields)
        {
            values[field.Name] = current is not null && current.TryGetValue(field.Name, out var existing) ? existing : field.EmptyValue;
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        var resolved = new JsonObject();
        var isAuth = collection.Type == CollectionType.Auth;
        foreach (var key in BodyKey.InApplyOrder(body.Select(p => p.Key)))
        {
            var input = body[key];
            var (name, modifier) = BodyKey.Parse(key);
            var field = ReservedKeys.Contains(key) || (isAuth && key is "passwordConfirm" or "oldPassword")
                ? null
                : collection.Fields.FirstOrDefault(f => f.Name == name);
            if (field is null || (modifier != FieldModifier.Set && !field.SupportsModifier(modifier)))
            {
                // A key that sets no field stays in @request.body as sent, as PocketBase's ReplaceModifiers keeps it, so a
                // rule can check a value that is not stored (such as a @jsonPayload "testPayload").
                resolved[key] = input?.DeepClone();
                continue;
            }

            if (field is AutodateField || (field.Hidden && !isSuperuser && !(isAuth && field is PasswordField)) || (isAuth && field.Name == "tokenKey"))
            {
                continue;
            }

            values[field.Name] = modifier switch
            {
                FieldModifier.Set => field.PrepareValue(input),
                FieldModifier.Autogenerate when field is TextField text => text.ApplyAutogenerate(input, random),
                _ => field.ApplyModifier(values[field.Name], modifier, input),
            };

            changed.Add(field.Name);
            resolved[field.Name] = field is PasswordField ? JsonValue.Create(values[field.Name] as string ?? "") : RecordValueWriter.ToJson(field, values[field.Name]);
        }

        return new BoundRecord(values, changed)
        {
            PasswordConfirm = isAuth ? Text(body["passwordConfirm"]) : null,
            OldPassword = isAuth ? Text(body["oldPassword"]) : null,
            ResolvedBody = resolved,
        };
    }

    private static void RefuseManyUnknownKeys(Collection collection, JsonObject body)
    {
        if (body.Count <= MaxUnknownKeys)
        {
            return;
        }

        var names = collection.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = body.Count(p => !names.Contains(BodyKey.Parse(p.Key).FieldName));
        if (unknown > MaxUnknownKeys)
        {
            throw new Errors.BadRequestException($"The body has {unknown} keys that are not fields of {collection.Name} (at most {MaxUnknownKeys} are ignored).");
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToString();
}
