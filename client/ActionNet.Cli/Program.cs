using ActionNet.Cli;

return await CliApp.RunAsync(args);
