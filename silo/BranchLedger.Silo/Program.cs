using BranchLedger.Silo;

var builder = Host.CreateApplicationBuilder(args);
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
