namespace SharpBase.Core.Migrations;

/// <summary>The <c>sb_migrations/</c> folder: generated files are written here and <c>migrate</c> reads them in name order.</summary>
public sealed class MigrationDirectory(string path, TimeProvider time)
{
    /// <summary>The folder path.</summary>
    public string Path { get; } = path;

    /// <summary>The names of every migration file, oldest first.</summary>
    public IReadOnlyList<string> List() =>
        Directory.Exists(Path)
            ? Directory.EnumerateFiles(Path, "*.json").Select(f => System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>Reads one migration by file name.</summary>
    public MigrationFile Read(string name) => MigrationFile.Parse(name, File.ReadAllText(System.IO.Path.Combine(Path, name)));

    /// <summary>
    /// A file name for changes summarized as <paramref name="summary"/>, later than every existing one so that
    /// name order stays apply order even when several changes land within one second.
    /// </summary>
    public string NewName(string summary)
    {
        var seconds = time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var existing in List())
        {
            var prefix = existing.Split('_')[0];
            if (long.TryParse(prefix, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var used) && used >= seconds)
            {
                seconds = used + 1;
            }
        }

        return MigrationFile.NewName(DateTimeOffset.FromUnixTimeSeconds(seconds), summary);
    }

    /// <summary>Writes a migration atomically (temporary file, then rename).</summary>
    public void Write(MigrationFile migration)
    {
        Directory.CreateDirectory(Path);
        var target = System.IO.Path.Combine(Path, migration.Name);
        var temporary = target + ".tmp";
        File.WriteAllText(temporary, migration.ToJson());
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Removes a migration that was written for a change that then failed to commit.</summary>
    public void Delete(string name) => File.Delete(System.IO.Path.Combine(Path, name));
}
