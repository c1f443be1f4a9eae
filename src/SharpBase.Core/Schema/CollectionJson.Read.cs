using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Schema;

public static partial class CollectionJson
{
    private static readonly string[] AuthKeys =
    [
        "authRule", "manageRule", "authAlert", "oauth2", "passwordAuth", "mfa", "otp", "authToken", "passwordResetToken",
        "emailChangeToken", "verificationToken", "fileToken", "verificationTemplate", "resetPasswordTemplate",
        "confirmEmailChangeTemplate", "emailChangeNoticeTemplate",
    ];

    /// <summary>
    /// Reads collection JSON, collecting shape errors (wrong JSON types, unknown field types) into
    /// <paramref name="errors"/> keyed as PocketBase keys them. Semantic checks are the validator's.
    /// <paramref name="trusted"/> input (storage, migrations) may set <c>system</c> and timestamps.
    /// </summary>
    public static Collection FromJson(JsonObject json, ValidationErrors errors, bool trusted)
    {
        var typeText = ReadString(json, "type", errors) ?? "base";
        if (!CollectionTypes.TryParse(typeText, out var type))
        {
            errors.Add("type", new ValidationError("validation_in_invalid", "Must be a valid value."));
        }

        var collection = new Collection
        {
            Id = ReadString(json, "id", errors) ?? "",
            Name = ReadString(json, "name", errors) ?? "",
            Type = type,
            System = trusted && json["system"] is JsonValue system && system.TryGetValue<bool>(out var isSystem) && isSystem,
            ListRule = ReadRule(json, "listRule", errors),
            ViewRule = ReadRule(json, "viewRule", errors),
            CreateRule = ReadRule(json, "createRule", errors),
            UpdateRule = ReadRule(json, "updateRule", errors),
            DeleteRule = ReadRule(json, "deleteRule", errors),
            ViewQuery = ReadString(json, "viewQuery", errors) ?? "",
            Indexes = ReadIndexes(json, errors),
            Fields = ReadFields(json, errors),
            Auth = type == CollectionType.Auth ? ReadAuth(json, errors) : null,
        };

        if (trusted)
        {
            collection = collection with
            {
                Created = ReadDate(json, "created") ?? default,
                Updated = ReadDate(json, "updated") ?? default,
            };
        }

        return collection;
    }

    /// <summary>Deep-merges <paramref name="patch"/> onto <paramref name="target"/>: objects merge key by key, anything else replaces.</summary>
    public static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                Merge(targetObject, patchObject);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static string? ReadString(JsonObject json, string key, ValidationErrors errors)
    {
        var node = json[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        errors.Add(key, ValidationError.Invalid("Must be a string."));
        return null;
    }

    private static string? ReadRule(JsonObject json, string key, ValidationErrors errors) => ReadString(json, key, errors);

    private static DateTimeOffset? ReadDate(JsonObject json, string key) =>
        json[key] is JsonValue value && value.TryGetValue<string>(out var text) && DateTimeText.TryParse(text, out var date) ? date : null;

    private static string[] ReadIndexes(JsonObject json, ValidationErrors errors)
    {
        if (json["indexes"] is null)
        {
            return [];
        }

        if (json["indexes"] is not JsonArray array)
        {
            errors.Add("indexes", ValidationError.Invalid("Must be an array of strings."));
            return [];
        }

        var result = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                result.Add(text);
            }
            else
            {
                errors.Nested("indexes").Add(Key(i), ValidationError.Invalid("Must be a string."));
            }
        }

        return [.. result];
    }

    private static Field[] ReadFields(JsonObject json, ValidationErrors errors)
    {
        if (json["fields"] is null)
        {
            return [];
        }

        if (json["fields"] is not JsonArray array)
        {
            errors.Add("fields", ValidationError.Invalid("Must be an array of fields."));
            return [];
        }

        var result = new List<Field>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var field = ReadField(array[i], errors.Nested("fields").Nested(Key(i)));
            if (field is not null)
            {
                result.Add(field);
            }
        }

        return [.. result];
    }

    private static Field? ReadField(JsonNode? node, ValidationErrors errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add("type", ValidationError.Invalid("Must be a field object."));
            return null;
        }

        var typeName = obj["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : "";
        var clrType = FieldTypes.Find(typeName);
        if (clrType is null)
        {
            errors.Add("type", new ValidationError("validation_in_invalid", "Must be a valid field type."));
            return null;
        }

        try
        {
            return (Field?)NullOptions.WithoutNulls(obj, clrType).Deserialize(clrType, Options);
        }
        catch (JsonException exception)
        {
            var option = exception.Path is { Length: > 2 } path ? path[2..].Split('.', '[')[0] : "type";
            errors.Add(option.Length == 0 ? "type" : option, ValidationError.Invalid("Invalid option value."));
            return null;
        }
    }

    private static AuthOptions ReadAuth(JsonObject json, ValidationErrors errors)
    {
        var authJson = new JsonObject();
        foreach (var key in AuthKeys)
        {
            if (json.ContainsKey(key))
            {
                authJson[key] = json[key]?.DeepClone();
            }
        }

        var defaults = JsonSerializer.SerializeToNode(new AuthOptions(), Options)!.AsObject();
        Merge(defaults, NullOptions.WithoutNulls(authJson, typeof(AuthOptions)));
        try
        {
            return defaults.Deserialize<AuthOptions>(Options) ?? new AuthOptions();
        }
        catch (JsonException exception)
        {
            var option = exception.Path is { Length: > 2 } path ? path[2..].Split('.', '[')[0] : "authToken";
            errors.Add(option, ValidationError.Invalid("Invalid option value."));
            return new AuthOptions();
        }
    }

    private static string Key(int index) => index.ToString(CultureInfo.InvariantCulture);
}
