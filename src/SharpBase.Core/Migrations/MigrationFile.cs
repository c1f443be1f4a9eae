using System.Text.Json;
using System.Text.Json.Nodes;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Migrations;

/// <summary>
/// One migration in <c>sb_migrations/</c>: the before/after JSON of each collection it changes, and a list of
/// the destructive steps it contains so a reviewer (and <c>migrate up</c>) sees them.
/// </summary>
public sealed record MigrationFile(string Name, IReadOnlyList<CollectionChange> Changes, IReadOnlyList<string> Destructive)
{
    /// <summary>The file format version.</summary>
    public const int FormatVersion = 1;

    /// <summary>The JSON written to disk.</summary>
    public string ToJson()
    {
        var json = new JsonObject
        {
            ["version"] = FormatVersion,
            ["destructive"] = new JsonArray(Destructive.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
            ["changes"] = new JsonArray(Changes.Select(c => (JsonNode?)new JsonObject
            {
                ["before"] = c.Before is null ? null : CollectionJson.ToJson(c.Before, includeSecrets: false),
                ["after"] = c.After is null ? null : CollectionJson.ToJson(c.After, includeSecrets: false),
            }).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions(CollectionJson.Options) { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads a migration file; a malformed file gives an <see cref="InvalidDataException"/> naming it.</summary>
    public static MigrationFile Parse(string name, string text)
    {
        try
        {
            var json = JsonNode.Parse(text)?.AsObject() ?? throw new InvalidDataException($"{name}: the file is empty.");
            var changes = new List<CollectionChange>();
            foreach (var change in json["changes"]?.AsArray() ?? [])
            {
                changes.Add(new CollectionChange(Read(name, change?["before"]), Read(name, change?["after"])));
            }

            var destructive = json["destructive"]?.AsArray().Select(d => d?.GetValue<string>() ?? "").ToArray() ?? [];
            return new MigrationFile(name, changes, destructive);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{name}: not a valid migration file ({exception.Message}).", exception);
        }
    }

    private static Collection? Read(string name, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var errors = new ValidationErrors();
        var collection = CollectionJson.FromJson(node.AsObject(), errors, trusted: true);
        return errors.IsEmpty ? collection : throw new InvalidDataException($"{name}: collection \"{collection.Name}\" is malformed.");
    }

    /// <summary>A new file name: Unix seconds, then a summary such as <c>created_posts</c>.</summary>
    public static string NewName(DateTimeOffset now, string summary) =>
        now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + summary + ".json";
}

/// <summary>One collection's change: null before means created, null after means deleted.</summary>
public sealed record CollectionChange(Collection? Before, Collection? After)
{
    /// <summary>A short summary for file names: <c>created_posts</c>, <c>updated_posts</c>, <c>deleted_posts</c>.</summary>
    public string Summary => (Before, After) switch
    {
        (null, { } a) => "created_" + a.Name,
        ({ } b, null) => "deleted_" + b.Name,
        (_, { } a) => "updated_" + a.Name,
        _ => "noop",
    };
}
