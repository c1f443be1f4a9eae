using SharpBase.Cli;

return await CliApp.RunAsync(args);
