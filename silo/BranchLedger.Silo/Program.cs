using BranchLedger.Silo;
using Microsoft.AspNetCore.Builder;

// Settings files are read from beside the binaries, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
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
builder.AddBranchLedgerSiloOperations(settings);

var app = builder.Build();
app.MapBranchLedgerSiloOperations();
await app.RunAsync();
return 0;

// Internal on purpose: ASP.NET Core would otherwise make it public, and the tests that host the gateway's
// Program next to the silo would see two of them.
internal partial class Program;
