using BranchLedger.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddBranchLedgerOrleansClient();
builder.Services.AddBranchLedgerApi();

var app = builder.Build();

app.MapBranchLedgerApi();

app.Run();

/// <summary>The gateway host; public so in-process tests can start it.</summary>
public partial class Program;
