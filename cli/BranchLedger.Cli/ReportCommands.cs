using System.CommandLine;
using BranchLedger.Api.V1;
using Grpc.Core;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary><c>report generate</c> and <c>export ledger|ranking|compare</c>: a streamed file from ReportService saved locally.</summary>
internal static class ReportCommands
{
    public static Command Report(CliGlobals globals)
    {
        var node = new Argument<string>("node-id") { Description = "The report covers this node's subtree" };
        var year = new Argument<int>("year");
        var format = new Option<string>("--format", "-f") { Description = "docx or md", DefaultValueFactory = _ => "docx" };
        format.AcceptOnlyFromAmong("docx", "md", "markdown");
        var output = Output();
        var generate = new Command("generate", "The annual report (述职报告), counted from records") { node, year, format, output };
        globals.SetAction(generate, (cli, parse, ct) => SaveAsync(cli, Client(cli).GenerateAnnualReport(new GenerateAnnualReportRequest
        {
            NodeId = parse.GetRequiredValue(node),
            Year = parse.GetValue(year),
            Format = parse.GetRequiredValue(format) == "docx" ? ReportFormat.Docx : ReportFormat.Markdown,
        }, cli.Headers, cancellationToken: ct), parse.GetValue(output), ct));
        return new Command("report", "Reports generated from the ledger") { generate };
    }

    public static Command Export(CliGlobals globals)
    {
        var node = new Argument<string>("node-id");
        var period = new Argument<string>("period") { Description = "2026, 2026-Q1 or 2026-03" };
        var format = Format();
        var output = Output();
        var ledger = new Command("ledger", "The ledger (台账) of a node's subtree") { node, period, format, output };
        globals.SetAction(ledger, (cli, parse, ct) => SaveAsync(cli, Client(cli).ExportLedger(new ExportLedgerRequest
        {
            NodeId = parse.GetRequiredValue(node),
            Period = parse.GetRequiredValue(period),
            Format = ExportFormatOf(parse.GetRequiredValue(format)),
        }, cli.Headers, cancellationToken: ct), parse.GetValue(output), ct));

        var rankingPeriod = RankingCommands.Period();
        var scope = new Option<string>("--scope") { Description = "city or tenant", DefaultValueFactory = _ => "city" };
        scope.AcceptOnlyFromAmong("city", "tenant");
        var rankingFormat = Format();
        var rankingOutput = Output();
        var ranking = new Command("ranking", "A whole ranking") { rankingPeriod, scope, rankingFormat, rankingOutput };
        globals.SetAction(ranking, (cli, parse, ct) => SaveAsync(cli, Client(cli).ExportRankings(new ExportRankingsRequest
        {
            Format = ExportFormatOf(parse.GetRequiredValue(rankingFormat)),
            Ranking = new ListTopBranchesRequest
            {
                Period = parse.GetRequiredValue(rankingPeriod),
                Scope = parse.GetValue(scope) == "tenant" ? RankingScope.Tenant : RankingScope.City,
            },
        }, cli.Headers, cancellationToken: ct), parse.GetValue(rankingOutput), ct));

        var comparePeriod = RankingCommands.Period();
        var branches = new Argument<string[]>("branch") { Description = "node-id or tenant/node-id; 1 to 10", Arity = new ArgumentArity(1, 10) };
        var compareFormat = Format();
        var compareOutput = Output();
        var compare = new Command("compare", "A comparison of branches") { comparePeriod, branches, compareFormat, compareOutput };
        globals.SetAction(compare, (cli, parse, ct) =>
        {
            var request = new CompareBranchesRequest { Period = parse.GetRequiredValue(comparePeriod) };
            request.Branches.AddRange(parse.GetRequiredValue(branches).Select(RankingCommands.BranchRef));
            return SaveAsync(cli, Client(cli).ExportRankings(
                new ExportRankingsRequest { Format = ExportFormatOf(parse.GetRequiredValue(compareFormat)), Comparison = request },
                cli.Headers, cancellationToken: ct), parse.GetValue(compareOutput), ct);
        });
        return new Command("export", "Spreadsheets of ledgers and rankings") { ledger, ranking, compare };
    }

    private static Option<string> Format()
    {
        var format = new Option<string>("--format", "-f") { Description = "xlsx or csv", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        return format;
    }

    private static Option<FileInfo?> Output() => new("--output", "-o") { Description = "The file to write (default: the name the gateway gives)" };

    private static ExportFormat ExportFormatOf(string format) => format == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx;

    private static ReportService.ReportServiceClient Client(CliContext cli) => new(cli.Channel);

    // The file is written under a temporary name and renamed at the end, so a failed download leaves nothing half-written.
    private static async Task<int> SaveAsync<TResponse>(CliContext cli, AsyncServerStreamingCall<TResponse> call, FileInfo? output, CancellationToken ct)
        where TResponse : IFileChunkResponse
    {
        using var _ = call;
        string? path = null;
        string? partial = null;
        FileStream? file = null;
        long bytes = 0;
        try
        {
            await foreach (var chunk in call.ResponseStream.ReadAllAsync(ct).Select(m => m.Chunk))
            {
                if (file is null)
                {
                    path = output?.FullName ?? chunk.FileName;
                    partial = path + ".partial";
                    file = File.Create(partial);
                }

                chunk.Data.WriteTo(file);
                bytes += chunk.Data.Length;
            }
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }

        if (path is null || partial is null)
        {
            throw new CliInputException("the gateway sent no file");
        }

        File.Move(partial, path, overwrite: true);
        cli.Out.MarkupLineInterpolated($"{path} ({bytes:N0} bytes)");
        return 0;
    }
}
