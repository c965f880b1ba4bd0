using BranchLedger.Cli;

return await CliApp.RunAsync(args);
