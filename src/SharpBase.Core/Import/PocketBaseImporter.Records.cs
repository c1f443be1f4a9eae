using System.Data.Common;
using System.Globalization;
using SharpBase.Core.Records.Values;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Import;

namespace SharpBase.Core.Import;

public sealed partial class PocketBaseImporter
{
    private static readonly (string Table, string What)[] UncopiedSystemTables =
    [
        (SystemCollections.ExternalAuthsName, "OAuth2 account links"),
        (SystemCollections.MfasName, "MFA sign-ins in progress"),
        (SystemCollections.OtpsName, "one-time passwords"),
        (SystemCollections.AuthOriginsName, "known sign-in devices"),
    ];

    /// <summary>
    /// Copies the rows of <paramref name="table"/> into <paramref name="target"/> in one transaction, matching columns to
    /// fields by name; a record whose id is already there is left as it is. Rules, validation and hooks are not run: the
    /// rows are what PocketBase validated and stored, and an import sends no mail.
    /// </summary>
    /// <returns>The number of records inserted.</returns>
    private async Task<int> CopyRecordsAsync(PocketBaseDataFile source, string table, Collection target, TextWriter output, List<string> notCarried,
        CancellationToken cancellationToken)
    {
        var columns = await source.ColumnsAsync(table, cancellationToken);
        if (!columns.Contains("id", StringComparer.Ordinal))
        {
            notCarried.Add($"collection \"{table}\": data.db has no table with an id column for it, so no records");
            return 0;
        }

        var present = columns.ToHashSet(StringComparer.Ordinal);
        var fileFields = target.Fields.OfType<FileField>().Where(f => present.Contains(f.Name)).ToList();
        var fileCounts = fileFields.ToDictionary(f => f.Name, _ => 0L, StringComparer.Ordinal);
        var (copied, kept) = await database.WriteAsync(async (session, ct) =>
        {
            var existing = await ReadIdsAsync(session, target, ct);
            var inserted = 0;
            var skipped = 0;
            await foreach (var row in source.ReadRowsAsync(table, columns, ct))
            {
                foreach (var field in fileFields)
                {
                    fileCounts[field.Name] += StringList.FromStored(StoredValue.AsString(row[field.Name])).Count;
                }

                var id = StoredValue.AsString(row["id"]);
                if (id.Length == 0 || existing.Contains(id))
                {
                    skipped++;
                    continue;
                }

                var values = target.Fields.ToDictionary(f => f.Name, f => present.Contains(f.Name) ? PocketBaseValues.ToStored(f, row[f.Name]) : f.EmptyValue,
                    StringComparer.Ordinal);
                try
                {
                    await records.InsertAsync(session, target, values, ct);
                }
                catch (DbException exception) when (session.Dialect.Classify(exception) == DbErrorKind.UniqueViolation)
                {
                    // Only a target given --force can hold such a record; the transaction rolls back this collection's rows.
                    throw new ImportRefusedException($"Record \"{id}\" of {table} has the same value as a record already here in a unique index " +
                        $"({string.Join(", ", session.Dialect.UniqueViolationColumns(exception))}), so none of {table}'s records were imported " +
                        "(the collections before it were); change or delete one of the two and run again.");
                }

                inserted++;
            }

            return (inserted, skipped);
        }, cancellationToken);

        var noun = target.Id == SystemCollections.SuperusersId ? ("superuser", "superusers") : ("record", "records");
        await output.WriteLineAsync($"{target.Name}: {Plural(copied, noun.Item1, noun.Item2)} imported" + (kept > 0 ? $", {kept} already here" : ""));
        foreach (var (field, count) in fileCounts.Where(c => c.Value > 0))
        {
            notCarried.Add($"{target.Name}.{field}: {Plural(count, "file", "files")} not copied (SharpBase has no file storage yet); the names are kept " +
                           $"and the files stay in storage/{target.Id}/ of the PocketBase folder");
        }

        return copied;
    }

    private static async Task<HashSet<string>> ReadIdsAsync(DbSession session, Collection collection, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var command = session.Command("SELECT \"id\" FROM " + session.Dialect.QuoteIdentifier(collection.Name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return ids;
    }

    /// <summary>Lists what SharpBase has no place for: PocketBase's auth bookkeeping rows, its settings, and its logs.</summary>
    private static async Task ListUncopiedSystemRowsAsync(PocketBaseDataFile source, string root, List<string> notCarried, CancellationToken cancellationToken)
    {
        foreach (var (table, what) in UncopiedSystemTables)
        {
            var count = await source.CountAsync(table, cancellationToken);
            if (count > 0)
            {
                notCarried.Add($"{table}: {Plural(count, "row", "rows")} ({what}); not copied until the sign-in methods that use them (OAuth2, OTP) exist");
            }
        }

        if ((await source.TablesAsync(cancellationToken)).Contains("_params"))
        {
            var keys = await source.ReadColumnAsync("_params", "id", cancellationToken);
            if (keys.Count > 0)
            {
                notCarried.Add($"_params: {string.Join(", ", keys)} (PocketBase's settings: application name and URL, SMTP, S3, backups, …); " +
                               "set what applies with PATCH /api/settings");
            }
        }

        var auxiliary = Path.Combine(root, "auxiliary.db");
        if (File.Exists(auxiliary))
        {
            await using var logs = await PocketBaseDataFile.OpenAsync(auxiliary, cancellationToken);
            var count = await logs.CountAsync("_logs", cancellationToken);
            notCarried.Add($"auxiliary.db: {Plural(count, "log entry", "log entries")} (_logs); logs are not imported");
        }
    }
}
