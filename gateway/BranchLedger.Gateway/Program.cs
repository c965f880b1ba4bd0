using BranchLedger.Gateway.Errors;
using BranchLedger.Gateway.Hosting;
using BranchLedger.Hosting;

// Settings files are read from beside the binaries, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddBranchLedgerOrleansClient();
builder.AddBranchLedgerApi();
builder.AddBranchLedgerOperations();
// Last: every AddGrpc() above puts grpc-dotnet's default binder back.
builder.Services.AddStrictRequestParsing();

var app = builder.Build();

// First: the metrics listener serves the Prometheus scrape and nothing else.
app.UseBranchLedgerMetricsListener();
app.MapBranchLedgerApi();
app.MapBranchLedgerOperations();

app.Run();

/// <summary>The gateway host; public so in-process tests can start it.</summary>
public partial class Program;
