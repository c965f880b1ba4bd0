using BranchLedger.Cli;

return await CliCommands.RunAsync(args);
