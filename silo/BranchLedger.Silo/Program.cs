using BranchLedger.Silo;

// Settings files are read from beside the binaries, wherever the process is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = SiloSettings.From(builder.Configuration);

if (args is ["migrate", ..])
{
    return await Migrations.ApplyAndReportAsync(settings);
}

if (settings.MigrateOnStart)
{
    await Migrations.ApplyAndReportAsync(settings);
}

builder.AddBranchLedgerSilo(settings);

await builder.Build().RunAsync();
return 0;
