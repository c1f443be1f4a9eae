using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Catalog;

/// <summary>Reads and writes <c>_migrations</c>, the migration files already applied.</summary>
public static class MigrationTable
{
    /// <summary>The table name.</summary>
    public const string TableName = "_migrations";


    /// <summary>The applied migrations, ordered by file name (ordinal).</summary>
    public static async Task<IReadOnlyList<AppliedMigration>> ListAppliedAsync(DbSession session, CancellationToken cancellationToken)
    {
        await using var command = session.Command("SELECT \"file\", \"applied\" FROM \"_migrations\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var applied = session.Dialect.FromDbValue(ColumnType.DateTime, reader.GetValue(1)) as DateTimeOffset? ?? DateTimeOffset.UnixEpoch;
            result.Add(new AppliedMigration(reader.GetString(0), applied));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        return result;
    }

    /// <summary>Records <paramref name="file"/> as applied at <paramref name="applied"/> (replacing an earlier record).</summary>
    public static async Task MarkAppliedAsync(DbSession session, string file, DateTimeOffset applied,
        CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            "INSERT INTO \"_migrations\" (\"file\", \"applied\") VALUES (@file, @applied) ON CONFLICT (\"file\") DO UPDATE SET \"applied\" = excluded.\"applied\"");
        command.AddParameter("@file", file);
        session.Dialect.AddValueParameter(command, "@applied", ColumnType.DateTime, applied);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets <paramref name="file"/> (a reverted migration); false when it was not recorded.</summary>
    public static async Task<bool> UnmarkAsync(DbSession session, string file,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var command = session.Command("DELETE FROM \"_migrations\" WHERE \"file\" = @file");
        command.AddParameter("@file", file);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
