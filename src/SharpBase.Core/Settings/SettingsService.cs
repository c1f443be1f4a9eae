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

    /// <summary>
    /// The settings as clients see them. The secrets (<c>smtp.password</c>, <c>s3.secret</c>, <c>backups.s3.secret</c>) are
    /// left out, key and all, as PocketBase leaves them out: no answer ever carries them.
    /// </summary>
    public JsonObject ToJson()
    {
        var json = JsonSerializer.SerializeToNode(Current, CollectionJson.Options)!.AsObject();
        (json["smtp"] as JsonObject)?.Remove("password");
        (json["s3"] as JsonObject)?.Remove("secret");
        (json["backups"]?["s3"] as JsonObject)?.Remove("secret");
        return json;
    }

    /// <summary>
    /// Merges <paramref name="patch"/> onto the stored settings, validates and saves them. The merge reads the stored row
    /// inside the write, locked, so parallel patches of different sections (or from different nodes) all stand.
    /// </summary>
    public async Task<AppSettings> PatchAsync(JsonObject patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var next = await database.WriteAsync(async (session, ct) =>
        {
            var stored = await ParamTable.GetForUpdateAsync(session, Key, JsonSerializer.Serialize(new AppSettings(), CollectionJson.Options), ct);
            var merged = JsonSerializer.SerializeToNode(Parse(JsonNode.Parse(stored)!.AsObject(), new ValidationErrors()), CollectionJson.Options)!.AsObject();
            SettingsMerge.Apply(merged, patch);
            var errors = new ValidationErrors();
            var next = Parse(merged, errors);
            if (errors.IsEmpty)
            {
                errors = SettingsValidator.Validate(next);
            }

            if (!errors.IsEmpty)
            {
                throw new BadRequestException("An error occurred while saving the new settings.", errors);
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
                     ("superuserIPs", (node, s) => s with { SuperuserIPs = Read(node, s.SuperuserIPs) }),
                     ("smtp", (node, s) => s with { Smtp = Read(node, s.Smtp) }),
                     ("backups", (node, s) => s with { Backups = Read(node, s.Backups) }),
                     ("s3", (node, s) => s with { S3 = Read(node, s.S3) }),
                     ("meta", (node, s) => s with { Meta = Read(node, s.Meta) }),
                     ("rateLimits", (node, s) => s with { RateLimits = Read(node, s.RateLimits) }),
                     ("trustedProxy", (node, s) => s with { TrustedProxy = ReadTrustedProxy(node, s.TrustedProxy) }),
                     ("batch", (node, s) => s with { Batch = Read(node, s.Batch) }),
                     ("logs", (node, s) => s with { Logs = Read(node, s.Logs) }),
                     ("authCookies", (node, s) => s with { AuthCookies = Read(node, s.AuthCookies) }),
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
                var option = exception.Path is { Length: > 2 } path && path[1] == '.' ? path[2..].Split('.', '[')[0] : "";
                if (option.Length == 0)
                {
                    errors.Add(section, ValidationError.Invalid("Invalid value type."));
                }
                else
                {
                    errors.Nested(section).Add(option, ValidationError.Invalid("Invalid value type."));
                }
            }
        }

        return result;
    }

    private static T Read<T>(JsonNode node, T fallback) => node.Deserialize<T>(CollectionJson.Options) ?? fallback;

    /// <summary>A <c>null</c> header name reads as <c>""</c>, as Go decodes it, and names no header.</summary>
    private static TrustedProxySettings ReadTrustedProxy(JsonNode node, TrustedProxySettings fallback)
    {
        var read = Read(node, fallback);
        return read with { Headers = read.Headers.Select(h => h ?? "").ToList() };
    }
}
