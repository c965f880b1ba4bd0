using BranchLedger.Gateway.Errors;
using BranchLedger.Gateway.Hosting;

// Settings files are read from beside the binaries, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddBranchLedgerOrleansClient();
builder.AddBranchLedgerApi();
builder.AddBranchLedgerOperations();
// Last: every AddGrpc() above puts grpc-dotnet's default binder back.
builder.Services.AddStrictRequestParsing();

var app = builder.Build();

app.MapBranchLedgerApi();
app.MapBranchLedgerOperations();

app.Run();

/// <summary>The gateway host; public so in-process tests can start it.</summary>
public partial class Program;
