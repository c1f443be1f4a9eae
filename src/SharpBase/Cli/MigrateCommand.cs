using System.CommandLine;
using SharpBase.Core;

namespace SharpBase.Cli;

/// <summary><c>migrate up|down [n]|status|collections</c>: applies, reverts and lists the files in <c>sb_migrations/</c>.</summary>
internal static class MigrateCommand
{
    private static readonly Option<bool> AllowDestructive = new("--allow-destructive")
    {
        Description = "Apply migrations that drop collections or fields or narrow a field (what would be lost is printed first).",
    };

    public static Command Create(TextWriter output)
    {
        var command = new Command("migrate", "Applies or reverts schema migrations.\n\nExamples:\n  sharpbase migrate status\n  sharpbase migrate up\n" +
                                             "  sharpbase migrate up --allow-destructive\n  sharpbase migrate down 2\n  sharpbase migrate collections");

        var up = new Command("up", "Applies every pending migration, oldest first. Destructive ones need --allow-destructive.");
        up.Options.Add(AllowDestructive);
        up.SetAction((parse, cancellationToken) => WithAppAsync(parse, async app =>
            await app.Migrations.UpAsync(parse.GetValue(AllowDestructive), output, cancellationToken) ? 0 : 1, cancellationToken));

        var count = new Argument<int>("n") { Description = "How many applied migrations to revert. Default: 1", DefaultValueFactory = _ => 1 };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("n must be at least 1");
            }
        });
        var down = new Command("down", "Reverts the last n applied migrations, newest first.\n\nExample:\n  sharpbase migrate down 2");
        down.Arguments.Add(count);
        down.Options.Add(AllowDestructive);
        down.SetAction((parse, cancellationToken) => WithAppAsync(parse, async app =>
            await app.Migrations.DownAsync(parse.GetValue(count), parse.GetValue(AllowDestructive), output, cancellationToken) ? 0 : 1, cancellationToken));

        var status = new Command("status", "Lists migration files and whether each is applied.");
        status.SetAction((parse, cancellationToken) => WithAppAsync(parse, async app =>
        {
            await app.Migrations.StatusAsync(output, cancellationToken);
            return 0;
        }, cancellationToken));

        var collections = new Command("collections", "Writes a migration that recreates every current collection (a snapshot), marked as applied here.");
        collections.SetAction((parse, cancellationToken) => WithAppAsync(parse, async app =>
        {
            var name = await app.Migrations.SnapshotAsync(cancellationToken);
            await output.WriteLineAsync($"Wrote {Path.Combine(app.MigrationFiles.Path, name)}");
            return 0;
        }, cancellationToken));

        command.Subcommands.Add(up);
        command.Subcommands.Add(down);
        command.Subcommands.Add(status);
        command.Subcommands.Add(collections);
        return command;
    }

    private static async Task<int> WithAppAsync(ParseResult parse, Func<SharpBaseApp, Task<int>> run, CancellationToken cancellationToken)
    {
        await using var app = await SharpBaseApp.OpenAsync(ConfigLoader.Load(parse), cancellationToken: cancellationToken);
        return await run(app);
    }
}
