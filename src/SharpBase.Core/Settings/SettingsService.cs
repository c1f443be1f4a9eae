using System.Text.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core.Settings;

/// <summary>Reads and changes the settings kept in the database; readers get an immutable <see cref="Current"/>.</summary>
public sealed class SettingsService(Database database)
{
    private const string Key = "settings";
    private AppSettings _current = new();

    /// <summary>The settings in force.</summary>
    public AppSettings Current => Volatile.Read(ref _current);

    /// <summary>Loads the stored settings (defaults when none are stored).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var json = await database.ReadAsync((session, ct) => ParamTable.GetAsync(session, Key, ct), cancellationToken);
        Volatile.Write(ref _current, json is null ? new AppSettings() : Parse(JsonNode.Parse(json)!.AsObject(), new ValidationErrors()));
    }

    /// <summary>The settings as clients see them: write-only secrets (the SMTP password) are blanked.</summary>
    public JsonObject ToJson()
    {
        var json = JsonSerializer.SerializeToNode(Current, CollectionJson.Options)!.AsObject();
        if (json["smtp"] is JsonObject smtp)
        {
            smtp["password"] = "";
        }

        return json;
    }

    /// <summary>
    /// Merges <paramref name="patch"/> onto the stored settings, validates and saves them. The merge reads the stored row
    /// inside the write, locked, so parallel patches of different sections (or from different nodes) all stand.
    /// </summary>
    public async Task<AppSettings> PatchAsync(JsonObject patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch["smtp"] is JsonObject smtpPatch && smtpPatch["password"] is JsonValue password &&
            password.TryGetValue<string>(out var given) && given.Length == 0)
        {
            // A blank password is what GET returned: keep the stored one rather than erasing it.
            patch = patch.DeepClone().AsObject();
            patch["smtp"]!.AsObject().Remove("password");
        }

        var next = await database.WriteAsync(async (session, ct) =>
        {
            var stored = await ParamTable.GetForUpdateAsync(session, Key, JsonSerializer.Serialize(new AppSettings(), CollectionJson.Options), ct);
            var merged = JsonSerializer.SerializeToNode(Parse(JsonNode.Parse(stored)!.AsObject(), new ValidationErrors()), CollectionJson.Options)!.AsObject();
            CollectionJson.Merge(merged, patch);
            var errors = new ValidationErrors();
            var next = Parse(merged, errors);
            if (errors.IsEmpty)
            {
                errors = SettingsValidator.Validate(next);
            }

            if (!errors.IsEmpty)
            {
                throw new BadRequestException("An error occurred while submitting the form.", errors);
            }

            await ParamTable.SetAsync(session, Key, JsonSerializer.Serialize(next, CollectionJson.Options), ct);
            return next;
        }, cancellationToken);
        Volatile.Write(ref _current, next);
        return next;
    }

    private static AppSettings Parse(JsonObject json, ValidationErrors errors)
    {
        var result = new AppSettings();
        foreach (var (section, read) in new (string, Func<JsonNode, AppSettings, AppSettings>)[]
                 {
                     ("meta", (node, s) => s with { Meta = node.Deserialize<MetaSettings>(CollectionJson.Options) ?? s.Meta }),
                     ("batch", (node, s) => s with { Batch = node.Deserialize<BatchSettings>(CollectionJson.Options) ?? s.Batch }),
                     ("smtp", (node, s) => s with { Smtp = node.Deserialize<SmtpSettings>(CollectionJson.Options) ?? s.Smtp }),
                     ("authCookies", (node, s) => s with { AuthCookies = node.Deserialize<AuthCookieSettings>(CollectionJson.Options) ?? s.AuthCookies }),
                 })
        {
            if (json[section] is not { } node)
            {
                continue;
            }

            try
            {
                result = read(node, result);
            }
            catch (JsonException exception)
            {
                var option = exception.Path is { Length: > 2 } path ? path[2..].Split('.', '[')[0] : "";
                errors.Nested(section).Add(option, ValidationError.Invalid("Invalid value type."));
            }
        }

        return result;
    }
}
