using System.CommandLine;
using SharpBase.Core;

namespace SharpBase.Cli;

/// <summary><c>superuser upsert|delete</c>: manages the accounts of the <c>_superusers</c> collection.</summary>
internal static class SuperuserCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("superuser", "Manages superuser accounts.\n\nExamples:\n  sharpbase superuser upsert admin@example.com 'a long password'\n" +
                                               "  sharpbase superuser delete admin@example.com");
        var email = new Argument<string>("EMAIL") { Description = "The superuser's email address." };
        var password = new Argument<string>("PASSWORD") { Description = "The password (at least 8 characters)." };

        var upsert = new Command("upsert", "Creates a superuser, or sets the password of an existing one.\n\nExample:\n  sharpbase superuser upsert admin@example.com 'a long password'");
        upsert.Arguments.Add(email);
        upsert.Arguments.Add(password);
        upsert.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await SharpBaseApp.OpenAsync(ConfigLoader.Load(parse), cancellationToken: cancellationToken);
            var created = await app.Superusers.UpsertAsync(parse.GetValue(email)!, parse.GetValue(password)!, cancellationToken);
            await output.WriteLineAsync(created ? $"Created superuser {parse.GetValue(email)}." : $"Updated the password of superuser {parse.GetValue(email)}.");
            return 0;
        });

        var delete = new Command("delete", "Deletes a superuser (not the last one).\n\nExample:\n  sharpbase superuser delete admin@example.com");
        delete.Arguments.Add(email);
        delete.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await SharpBaseApp.OpenAsync(ConfigLoader.Load(parse), cancellationToken: cancellationToken);
            await app.Superusers.DeleteAsync(parse.GetValue(email)!, cancellationToken);
            await output.WriteLineAsync($"Deleted superuser {parse.GetValue(email)}.");
            return 0;
        });

        command.Subcommands.Add(upsert);
        command.Subcommands.Add(delete);
        return command;
    }
}
