using BranchLedger.Api.V1;
using Grpc.Core;

namespace BranchLedger.Cli;

/// <summary><c>report</c> and <c>export</c>: download a streamed file from ReportService into a local file.</summary>
internal static class ReportCommands
{
    public static Task<int> ReportAsync(ReportService.ReportServiceClient reports, Metadata headers, string node, string year, string format, string? output) =>
        SaveAsync(reports.GenerateAnnualReport(new GenerateAnnualReportRequest
        {
            NodeId = node,
            Year = int.Parse(year),
            Format = format.ToLowerInvariant() switch { "docx" or "word" => ReportFormat.Docx, "md" or "markdown" => ReportFormat.Markdown, _ => ReportFormat.Unspecified },
        }, headers), output);

    public static Task<int> ExportLedgerAsync(ReportService.ReportServiceClient reports, Metadata headers, string node, string period, string format, string? output) =>
        SaveAsync(reports.ExportLedger(new ExportLedgerRequest { NodeId = node, Period = period, Format = Export(format) }, headers), output);

    public static Task<int> ExportRankingAsync(ReportService.ReportServiceClient reports, Metadata headers, string period, string scope, string format, string? output) =>
        SaveAsync(reports.ExportRankings(new ExportRankingsRequest
        {
            Format = Export(format),
            Ranking = new ListTopBranchesRequest { Period = period, Scope = scope == "tenant" ? RankingScope.Tenant : RankingScope.City },
        }, headers), output);

    public static Task<int> ExportComparisonAsync(ReportService.ReportServiceClient reports, Metadata headers, string period, string branches, string format, string? output)
    {
        var request = new CompareBranchesRequest { Period = period };
        request.Branches.AddRange(branches.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => new RankingBranchRef { NodeId = b }));
        return SaveAsync(reports.ExportRankings(new ExportRankingsRequest { Format = Export(format), Comparison = request }, headers), output);
    }

    private static ExportFormat Export(string format) => format.ToLowerInvariant() switch
    {
        "xlsx" or "excel" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => ExportFormat.Unspecified,
    };

    // The file is written under a temporary name and renamed at the end, so a failed download leaves nothing half-written.
    private static async Task<int> SaveAsync<TResponse>(AsyncServerStreamingCall<TResponse> call, string? output)
        where TResponse : IFileChunkResponse
    {
        using var _ = call;
        string? path = null;
        string? partial = null;
        FileStream? file = null;
        long bytes = 0;
        try
        {
            await foreach (var chunk in call.ResponseStream.ReadAllAsync().Select(m => m.Chunk))
            {
                if (file is null)
                {
                    path = output ?? chunk.FileName;
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
            Console.Error.WriteLine("the gateway sent no file");
            return 1;
        }

        File.Move(partial, path, overwrite: true);
        Console.WriteLine($"{path} ({bytes:N0} bytes)");
        return 0;
    }
}
