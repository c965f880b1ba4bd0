using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Validation;
using BranchLedger.Reports;
using Grpc.Core;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

// Exports: the ledger of a subtree for a period, and rankings, as xlsx or csv.
internal sealed partial class ReportApi
{
    private const int ListPageSize = 500;

    [RequiresPermission(Permission.TenantRead)]
    public override async Task ExportLedger(ExportLedgerRequest r, IServerStreamWriter<ExportLedgerResponse> responseStream, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        RankingRequests.Period(violations, "period", r.Period);
        Format(violations, r.Format);
        if (r.Family.Length > 0 && !LedgerApi.RecordKinds.Contains(r.Family))
        {
            violations.Add("family", "must be empty or one of: " + string.Join(", ", LedgerApi.RecordKinds));
        }

        CommandChecks.ThrowIfInvalid(violations);
        var period = Period.Parse(r.Period);
        var nodes = await Reports(caller).Subtree(r.NodeId);
        var perNode = await Task.WhenAll(nodes.Select(async n =>
            (await ListAsync(grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(caller.Tenant, n.NodeId)), period, r.Family))
                .Select(v => Row(v, n.Name))));
        var rows = perNode.SelectMany(x => x).ToList();

        var sheets = LedgerTables.BySheet(rows, LedgerLabels.Zh).ToList();
        var csv = r.Family.Length > 0 && sheets.Count == 1 ? sheets[0] : LedgerTables.Combined(rows, LedgerLabels.Zh);
        await SendTablesAsync($"ledger-{r.NodeId}-{r.Period}", r.Format, sheets, csv, responseStream, context.CancellationToken);
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None)]
    public override async Task ExportRankings(ExportRankingsRequest r, IServerStreamWriter<ExportRankingsResponse> responseStream, ServerCallContext context)
    {
        var violations = new Violations();
        Format(violations, r.Format);
        if (r.WhatCase == ExportRankingsRequest.WhatOneofCase.None)
        {
            violations.Add("what", "must be a ranking or a comparison");
        }

        CommandChecks.ThrowIfInvalid(violations);

        // The ranking service validates and reads exactly as its own calls do; the export only lays
        // its answers out as tables.
        var rankings = new RankingApi(grains, callers, rankingRuntime);
        var labels = LedgerLabels.Zh;
        IReadOnlyList<ExportTable> tables;
        string name;
        if (r.WhatCase == ExportRankingsRequest.WhatOneofCase.Ranking)
        {
            var listed = new List<RankedBranch>();
            var request = r.Ranking.Clone();
            request.PageSize = Paging.MaxPageSize;
            request.PageToken = "";
            do
            {
                var page = await rankings.ListTopBranches(request, context);
                listed.AddRange(page.Branches);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            tables = [RankingTables.Ranking(listed, labels)];
            name = $"ranking-{r.Ranking.Period}";
        }
        else
        {
            var compared = await rankings.CompareBranches(r.Comparison, context);
            tables = RankingTables.Comparison(compared, labels);
            name = $"comparison-{r.Comparison.Period}";
        }

        await SendTablesAsync(name, r.Format, tables, tables[0], responseStream, context.CancellationToken);
    }

    // A workbook holds every sheet; a CSV file holds one table.
    private static Task SendTablesAsync<TResponse>(
        string name, ExportFormat format, IReadOnlyList<ExportTable> sheets, ExportTable csv,
        IServerStreamWriter<TResponse> responseStream, CancellationToken cancellationToken)
        where TResponse : IFileChunkResponse, new() =>
        format == ExportFormat.Xlsx
            ? FileStreaming.SendAsync($"{name}.xlsx", FileStreaming.Xlsx, stream => XlsxWriter.Write(sheets, stream), responseStream, cancellationToken)
            : FileStreaming.SendAsync($"{name}.csv", FileStreaming.Csv, stream => CsvWriter.Write(csv, stream), responseStream, cancellationToken);

    private static void Format(Violations violations, ExportFormat format)
    {
        if (format is not (ExportFormat.Xlsx or ExportFormat.Csv))
        {
            violations.Add("format", "must be EXPORT_FORMAT_XLSX or EXPORT_FORMAT_CSV");
        }
    }

    // The current view of the period's year (its archive merged in), then the period's days only.
    private static async Task<List<RecordView>> ListAsync(ILedgerGrain ledger, Period period, string family)
    {
        var result = new List<RecordView>();
        long after = 0;
        while (true)
        {
            var page = await ledger.ListRecords(new RecordQuery { AfterSequence = after, PageSize = ListPageSize, Family = family, Year = period.Start.Year });
            result.AddRange(page.Records.Where(v => period.Contains(v.Current.Date)));
            if (page.NextAfterSequence is not { } next)
            {
                return result;
            }

            after = next;
        }
    }
}
