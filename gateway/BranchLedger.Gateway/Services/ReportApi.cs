using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;
using BranchLedger.Domain.Reports;
using BranchLedger.Domain.Validation;
using BranchLedger.Reports;
using Grpc.Core;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// ReportService: validates the request, gathers the subtree's facts through the tenant's report
/// grain (which asks every ledger in parallel), computes the figures with the domain, and renders
/// them with the plain reports library. Nothing is stored: the records are the only truth.
/// </summary>
internal sealed partial class ReportApi(IGrainFactory grains, ICallerResolver callers, RankingRuntime rankingRuntime, TimeProvider clock)
    : ReportService.ReportServiceBase
{
    private const int MinYear = 2000;
    private const int MaxYear = 2100;

    [RequiresPermission(Permission.TenantRead)]
    public override async Task GenerateAnnualReport(
        GenerateAnnualReportRequest r, IServerStreamWriter<GenerateAnnualReportResponse> responseStream, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        Year(violations, r.Year);
        if (r.Format is not (ReportFormat.Markdown or ReportFormat.Docx))
        {
            violations.Add("format", "must be REPORT_FORMAT_MARKDOWN or REPORT_FORMAT_DOCX");
        }

        if (r.TemplateVersion < 0)
        {
            violations.Add("template_version", "must be 0 (the version in force) or an adopted version");
        }

        CommandChecks.ThrowIfInvalid(violations);
        var (template, preamble) = await Wording(caller, r.TemplateVersion, r.Year);
        var (figures, reportContext) = await AnnualReportInput.GatherAsync(grains, caller.Tenant, r.NodeId, r.Year);
        var document = AnnualReportComposer.Compose(template, figures, reportContext, preamble);
        var markdown = r.Format == ReportFormat.Markdown;
        await FileStreaming.SendAsync(
            $"annual-report-{r.NodeId}-{r.Year}.{(markdown ? "md" : "docx")}",
            markdown ? FileStreaming.Markdown : FileStreaming.Docx,
            stream => (markdown ? (Action<ReportDocument, Stream>)MarkdownRenderer.Render : DocxRenderer.Render)(document, stream),
            responseStream,
            context.CancellationToken);
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetReportTraceResponse> GetReportTrace(GetReportTraceRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        Year(violations, r.Year);
        // Labels as the report of the version in force words them.
        var template = r.Year is >= MinYear and <= MaxYear ? (await Wording(caller, 0, r.Year)).Template : ReportTemplate.AnnualReportZh;
        if (r.FigureKey.Length > 0 && !template.Figures.ContainsKey(r.FigureKey))
        {
            violations.Add("figure_key", "must be empty or one of: " + string.Join(", ", template.Figures.Keys));
        }

        var pageSize = Paging.PageSize(violations, r.PageSize);
        var scope = $"trace|{r.NodeId}|{r.Year}|{r.FigureKey}";
        var after = Paging.After(violations, scope, r.PageToken);
        CommandChecks.ThrowIfInvalid(violations);

        var (figures, reportContext) = await AnnualReportInput.GatherAsync(grains, caller.Tenant, r.NodeId, r.Year);
        var key = r.FigureKey.Length == 0 ? null : r.FigureKey;
        var response = new GetReportTraceResponse();
        response.Figures.AddRange(figures.Figures.Where(f => key is null || f.Key == key).Select(f => new ReportFigureValue
        {
            FigureKey = f.Key,
            FigureLabel = template.Figures[f.Key].Label,
            Value = f.Value,
            Unit = f.Unit,
            NoRecords = f.HasNoRecords,
        }));

        // The token holds how many rows were sent: the trace of a year is stable while its records are.
        var rows = ReportTrace.Rows(template, figures, reportContext, key).Skip((int)Math.Min(after, int.MaxValue)).Take(pageSize + 1).ToList();
        response.Records.AddRange(rows.Take(pageSize).Select(t => new TracedRecord
        {
            FigureKey = t.FigureKey,
            FigureLabel = t.Label,
            NodeId = t.NodeId,
            NodeName = t.NodeName,
            RecordId = t.RecordId,
            Date = t.Date,
            Kind = t.Family,
            Summary = t.Summary,
        }));
        if (rows.Count > pageSize)
        {
            response.NextPageToken = PageToken.Encode(scope, after + pageSize);
        }

        return response;
    }

    private static void Year(Violations violations, int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            violations.Add("year", $"must be a calendar year from {MinYear} to {MaxYear}");
        }
    }

    private IReportGrain Reports(Caller caller) => grains.GetGrain<IReportGrain>(GrainKeys.Tenant(caller.Tenant));

    private static LedgerRow Row(RecordView view, string nodeName) => LedgerRows.Of(view, nodeName, LedgerLabels.Zh);
}
