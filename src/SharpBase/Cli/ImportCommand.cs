using System.CommandLine;
using SharpBase.Core;

namespace SharpBase.Cli;

/// <summary><c>import pocketbase PATH</c>: carries a PocketBase data folder into the database the common flags name.</summary>
internal static class ImportCommand
{
    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Import into a database that already has collections or records of its own (collections are replaced by id or name; " +
                      "records whose id is already there are kept as they are).",
    };

    public static Command Create(TextWriter output)
    {
        var command = new Command("import", "Imports data from another backend.\n\nExamples:\n  sharpbase import pocketbase ./pb_data\n" +
                                            "  sharpbase import pocketbase /srv/pocketbase/pb_data --db \"Host=127.0.0.1;Database=app;Username=app\"");
        var folder = new Argument<string>("PATH_TO_pb_data") { Description = "PocketBase's data folder (0.23 or later), the one holding data.db." };
        var pocketbase = new Command("pocketbase",
            "Imports a PocketBase (0.23+) data folder: collections with their ids, rules and indexes, every record with its id, dates and " +
            "token key, and password hashes (bcrypt, verified at the next sign-in and then rehashed to Argon2id), superusers included. " +
            "Prints a line per collection and lists what it could not carry over (files, OAuth2 links, MFA/OTP rows, settings, logs). " +
            "A fresh database only, unless --force; running it again adds only what is missing.\n\n" +
            "Examples:\n  sharpbase import pocketbase ./pb_data\n  sharpbase import pocketbase ./pb_data --dir ./sb_data --force");
        pocketbase.Arguments.Add(folder);
        pocketbase.Options.Add(Force);
        pocketbase.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await SharpBaseApp.OpenAsync(ConfigLoader.Load(parse), cancellationToken: cancellationToken);
            await app.PocketBaseImport.ImportAsync(parse.GetValue(folder)!, parse.GetValue(Force), output, cancellationToken);
            return 0;
        });
        command.Subcommands.Add(pocketbase);
        return command;
    }
}
