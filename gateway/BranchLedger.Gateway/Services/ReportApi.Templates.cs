using System.Globalization;
using System.Text;
using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;
using BranchLedger.Domain.Access;
using BranchLedger.Domain.Validation;
using BranchLedger.Gateway.Security;
using BranchLedger.Reports;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// The tenant's report wording: a draft template checked with the reports library's rules, previewed
/// against a year's records, adopted as a numbered version; and the preamble the office writes per year.
/// Editing is the party office's (directory.write, the tenant's settings); reading is any reader's.
/// </summary>
internal sealed partial class ReportApi
{
    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<SaveReportTemplateDraftResponse> SaveReportTemplateDraft(SaveReportTemplateDraftRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().RequestId("request_id", r.RequestId);
        ReportTemplateRules.Read(r.TemplateJson, violations, "template_json");
        CommandChecks.ThrowIfInvalid(violations);

        // Stored as sent (less an editor's byte order mark), so what GetReportTemplate answers is what the office wrote.
        var result = await Templates(caller).SaveDraft(new SaveReportTemplateDraftCommand(r.TemplateJson.TrimStart('\uFEFF'), r.RequestId, caller.Subject));
        return new SaveReportTemplateDraftResponse { Draft = Message(result.Draft), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.DirectoryWrite)]
    public override async Task<GetReportTemplateDraftResponse> GetReportTemplateDraft(GetReportTemplateDraftRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        return new GetReportTemplateDraftResponse { Draft = Message(await Draft(caller)) };
    }

    [RequiresPermission(Permission.DirectoryWrite)]
    public override async Task<PreviewReportTemplateDraftResponse> PreviewReportTemplateDraft(PreviewReportTemplateDraftRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        var year = r.Year == 0 ? clock.GetUtcNow().Year - 1 : r.Year;
        Year(violations, year);
        CommandChecks.ThrowIfInvalid(violations);

        // The preview shows the subtree's records: the editor must also be able to read them.
        caller.Demand(Permission.TenantRead, caller.Tenant, [r.NodeId]);
        var draft = await Draft(caller);
        var preamble = (await Templates(caller).GetPreamble(year))?.Text;
        var (figures, reportContext) = await AnnualReportInput.GatherAsync(grains, caller.Tenant, r.NodeId, year);
        var document = AnnualReportComposer.Compose(Parse(draft.Json), figures, reportContext, preamble);
        return new PreviewReportTemplateDraftResponse { DraftRevision = draft.Revision, Markdown = Markdown(document) };
    }

    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<AdoptReportTemplateDraftResponse> AdoptReportTemplateDraft(AdoptReportTemplateDraftRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().RequestId("request_id", r.RequestId);
        if (r.DraftRevision < 1)
        {
            violations.Add("draft_revision", "is required: the revision of the draft to adopt, as SaveReportTemplateDraft or PreviewReportTemplateDraft answered");
        }

        CommandChecks.ThrowIfInvalid(violations);
        var result = await Templates(caller).Adopt(new AdoptReportTemplateCommand(r.DraftRevision, r.RequestId, caller.Subject));
        return new AdoptReportTemplateDraftResponse { Version = Message(result.Version, inForce: await InForce(caller) == result.Version.Version), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListReportTemplateVersionsResponse> ListReportTemplateVersions(ListReportTemplateVersionsRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var after = Paging.After(violations, "report-templates", r.PageToken);
        CommandChecks.ThrowIfInvalid(violations);

        var versions = await Templates(caller).ListVersions();
        var page = versions.Where(v => v.Version > after).Take(pageSize + 1).ToList();
        var response = new ListReportTemplateVersionsResponse
        {
            NextPageToken = page.Count > pageSize ? PageToken.Encode("report-templates", page[pageSize - 1].Version) : "",
        };
        response.Versions.AddRange(page.Take(pageSize).Select(v => Message(v, v.Version == versions.Count)));
        return response;
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetReportTemplateResponse> GetReportTemplate(GetReportTemplateRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        CommandChecks.ThrowIfInvalid(r.Version < 0 ? new Violations().Add("version", "must be 0 (the version in force) or an adopted version") : new Violations());
        var version = await Templates(caller).GetVersion(r.Version);
        if (version is not null)
        {
            return new GetReportTemplateResponse { Version = Message(version, await InForce(caller) == version.Version), TemplateJson = version.Json };
        }

        return r.Version == 0
            ? new GetReportTemplateResponse { Version = new Api.V1.ReportTemplateVersion { PlatformDefault = true, InForce = true }, TemplateJson = ReportTemplate.AnnualReportZhJson }
            : throw new NotFoundException("branchledger.v1.ReportTemplateVersion", r.Version.ToString(CultureInfo.InvariantCulture), $"The tenant has no report template version {r.Version}.");
    }

    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<SetReportPreambleResponse> SetReportPreamble(SetReportPreambleRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().RequestId("request_id", r.RequestId);
        Year(violations, r.Year);
        ReportTemplateRules.Preamble(violations, "text", r.Text);
        CommandChecks.ThrowIfInvalid(violations);

        var result = await Templates(caller).SetPreamble(new SetReportPreambleCommand(r.Year, r.Text, r.RequestId, caller.Subject));
        return new SetReportPreambleResponse { Preamble = Message(result.Preamble), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetReportPreambleResponse> GetReportPreamble(GetReportPreambleRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        Year(violations, r.Year);
        CommandChecks.ThrowIfInvalid(violations);
        var preamble = await Templates(caller).GetPreamble(r.Year);
        return new GetReportPreambleResponse { Preamble = preamble is null ? new Api.V1.ReportPreamble { Year = r.Year } : Message(preamble) };
    }

    /// <summary>
    /// The template and preamble a report of <paramref name="year"/> is worded with. A report names no
    /// version by default and gets the one in force; naming one writes the report as that version did,
    /// since versions never change. (Pinning each year to the version in force "at the time" was left
    /// out: a year's report is rewritten until it is submitted, and the office should see its latest
    /// wording there; an earlier report is reproduced by its version number.)
    /// </summary>
    private async Task<(ReportTemplate Template, string? Preamble)> Wording(Caller caller, int version, int year)
    {
        var wording = await Templates(caller).GetWording(version, year);
        return (wording.Template is { } adopted ? Parse(adopted.Json) : ReportTemplate.AnnualReportZh, wording.Preamble);
    }

    private IReportTemplateGrain Templates(Caller caller) => grains.GetGrain<IReportTemplateGrain>(GrainKeys.Tenant(caller.Tenant));

    private async Task<Contracts.Reports.ReportTemplateDraft> Draft(Caller caller) => await Templates(caller).GetDraft()
        ?? throw new NotFoundException("branchledger.v1.ReportTemplateDraft", caller.Tenant, "The tenant has no draft report template: save one first.");

    private async Task<int> InForce(Caller caller) => (await Templates(caller).GetVersion(0))?.Version ?? 0;

    // Stored templates passed the rules when saved; they are read like the shipped one.
    private static ReportTemplate Parse(string json) => ReportTemplate.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Markdown(ReportDocument document)
    {
        using var stream = new MemoryStream();
        MarkdownRenderer.Render(document, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static Api.V1.ReportTemplateDraft Message(Contracts.Reports.ReportTemplateDraft d) => new()
    {
        Revision = d.Revision, SavedAt = Timestamp.FromDateTimeOffset(d.SavedAt), SavedBy = d.SavedBy, TemplateJson = d.Json,
    };

    private static Api.V1.ReportTemplateVersion Message(Contracts.Reports.ReportTemplateVersion v, bool inForce) => new()
    {
        Version = v.Version, AdoptedAt = Timestamp.FromDateTimeOffset(v.AdoptedAt), AdoptedBy = v.AdoptedBy, InForce = inForce,
    };

    private static Api.V1.ReportPreamble Message(Contracts.Reports.ReportPreamble p) => new()
    {
        Year = p.Year, Text = p.Text, SetAt = Timestamp.FromDateTimeOffset(p.SetAt), SetBy = p.SetBy,
    };
}
