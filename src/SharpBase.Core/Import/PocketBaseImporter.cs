using System.Globalization;
using System.Text.Json.Nodes;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;
using SharpBase.Storage.Import;

namespace SharpBase.Core.Import;

/// <summary>
/// <c>sharpbase import pocketbase</c>: carries a PocketBase (0.23+) data folder into this database. Collections go
/// through the collections API's import (same normalisation and validation); records keep their ids, dates, token keys
/// and password hashes (bcrypt, verified at the next sign-in and rehashed to Argon2id). What cannot be carried over is
/// listed, never dropped silently. A rerun adds only what is missing, so it changes nothing the second time.
/// </summary>
public sealed partial class PocketBaseImporter(Database database, SchemaRegistry registry, CollectionService collections, RecordStore records, TimeProvider time)
{
    /// <summary>The <c>_params</c> key that remembers which folder this database was imported from.</summary>
    public const string MarkerKey = "pocketbaseImport";

    /// <summary>
    /// Imports <paramref name="folder"/> (PocketBase's <c>pb_data</c>), writing a progress line per collection to
    /// <paramref name="output"/>. Refuses (<see cref="ImportRefusedException"/>) a target that already holds collections or
    /// records of its own unless <paramref name="force"/>; a missing, non-PocketBase or corrupt folder is an
    /// <see cref="IOException"/> or <see cref="InvalidDataException"/> with one line.
    /// </summary>
    public async Task ImportAsync(string folder, bool force, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{root} does not exist or is not a folder.");
        }

        var dataPath = Path.Combine(root, "data.db");
        if (!File.Exists(dataPath))
        {
            throw new InvalidDataException($"{root} has no data.db: it is not a PocketBase data folder (pass the pb_data folder itself).");
        }

        await using var source = await PocketBaseDataFile.OpenAsync(dataPath, cancellationToken);
        var rows = await source.ReadCollectionsAsync(cancellationToken);
        await CheckTargetAsync(root, force, cancellationToken);
        await output.WriteLineAsync($"Importing {root} ({Plural(rows.Count, "collection", "collections")} in data.db)");

        var notCarried = new List<string>();
        var changed = await ImportCollectionsAsync(rows, output, notCarried, cancellationToken);
        foreach (var row in rows.Where(r => r.Type != "view"))
        {
            // PocketBase's superusers go into SharpBase's own _superusers (the same id, the same auth fields).
            var target = row.Name == SystemCollections.SuperusersName ? registry.Current.Find(SystemCollections.SuperusersId)
                : PocketBaseCollections.Internal.Contains(row.Name) ? null : registry.Current.Find(row.Id);
            if (target is not null)
            {
                changed |= await CopyRecordsAsync(source, row.Name, target, output, notCarried, cancellationToken) > 0;
            }
        }

        await ListUncopiedSystemRowsAsync(source, root, notCarried, cancellationToken);
        if (changed)
        {
            await database.WriteAsync(async (session, ct) =>
            {
                var marker = new JsonObject { ["source"] = root, ["imported"] = Common.DateTimeText.Format(time.GetUtcNow()) };
                await ParamTable.SetAsync(session, MarkerKey, marker.ToJsonString(), ct);
                return true;
            }, cancellationToken);
        }

        if (notCarried.Count > 0)
        {
            await output.WriteLineAsync("Not carried over:");
            foreach (var line in notCarried)
            {
                await output.WriteLineAsync("  - " + line);
            }
        }

        await output.WriteLineAsync(changed ? "Import finished." : "Nothing changed: everything in this folder that can be imported is already here.");
    }

    /// <summary>
    /// A target may take an import when it is fresh (only the system collections and the default users collection a new database starts with, all empty), was
    /// imported from this same folder before (a rerun), or the caller forces it.
    /// </summary>
    private async Task CheckTargetAsync(string root, bool force, CancellationToken cancellationToken)
    {
        if (force)
        {
            return;
        }

        var marker = await database.ReadAsync((session, ct) => ParamTable.GetAsync(session, MarkerKey, ct), cancellationToken);
        var importedFrom = marker is null ? null : JsonNode.Parse(marker)?["source"]?.GetValue<string>();
        if (string.Equals(importedFrom, root, StringComparison.Ordinal))
        {
            return;
        }

        // Counting rows scans each table, so it is done only when neither --force nor a rerun already allows the import.
        var fresh = registry.Current.Collections.All(c => c.System || c.Id == SystemCollections.UsersId)
                    && await database.ReadAsync(async (session, ct) =>
                    {
                        foreach (var collection in registry.Current.Collections)
                        {
                            if (await records.CountAsync(session, collection, ct) > 0)
                            {
                                return false;
                            }
                        }

                        return true;
                    }, cancellationToken);
        if (!fresh)
        {
            throw new ImportRefusedException(importedFrom is null
                ? "The target database already has collections or records of its own; run again with --force to import into it anyway (collections are replaced by id or name, records whose id exists are kept)."
                : $"The target database was imported from {importedFrom}, not {root}; run again with --force to import this folder into it too.");
        }
    }

    private static string Plural(long count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
