using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Reports;

/// <summary>
/// Per-tenant report templates and the year's preamble through the real gateway, Orleans and PostgreSQL:
/// a draft changes nothing until adopted and never another tenant's report; an earlier version still
/// writes its report word for word; bad input is refused field by field; only the party office edits.
/// </summary>
public sealed class ReportTemplateTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private const string Branch = "wording-branch";
    private const int Year = 2026;
    private const string DefaultTitle = "党组书记抓基层党建工作述职报告";

    private ReportService.ReportServiceClient Reports => fixture.Reports;

    public async Task InitializeAsync()
    {
        foreach (var tenant in new[] { "wording-a", "wording-b", "wording-c", "wording-d", "wording-e", "wording-f" })
        {
            await fixture.EnsureAsync(tenant, Branch, members: 8);
            await fixture.Ledger.RecordMeetingAsync(new RecordMeetingRequest
            {
                NodeId = Nodes.Root, RequestId = "theory-1",
                Meeting = new Meeting
                {
                    Kind = MeetingKind.TheoryStudyGroup, Date = new Google.Type.Date { Year = Year, Month = 3, Day = 2 },
                    Topic = "学习党的创新理论", Attendees = 7, ExpectedAttendees = 7,
                },
            }, Admin(tenant));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Metadata Admin(string tenant) => GatewayHost.As(tenant, "office-" + tenant);

    // The shipped template with its title reworded: a body's own wording, still valid.
    private static string Worded(string marker) =>
        DefaultJson.Replace(DefaultTitle, DefaultTitle + marker, StringComparison.Ordinal);

    private static string DefaultJson => global::BranchLedger.Reports.ReportTemplate.AnnualReportZhJson;

    private async Task<Download> Report(string tenant, int version = 0, ReportFormat format = ReportFormat.Markdown, int year = Year) =>
        await Download.ReadAsync(Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = year, Format = format, TemplateVersion = version }, Admin(tenant)));

    private async Task<ReportTemplateVersion> Adopt(string tenant, string marker, string id)
    {
        var draft = (await Reports.SaveReportTemplateDraftAsync(
            new SaveReportTemplateDraftRequest { RequestId = "draft-" + id, TemplateJson = Worded(marker) }, Admin(tenant))).Draft;
        var adopted = await Reports.AdoptReportTemplateDraftAsync(
            new AdoptReportTemplateDraftRequest { RequestId = "adopt-" + id, DraftRevision = draft.Revision }, Admin(tenant));
        return adopted.Version;
    }

    private static IReadOnlyList<string> Fields(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_tenants_draft_and_version_do_not_change_another_tenants_report()
    {
        var otherBefore = (await Report("wording-b")).Bytes;
        var ownBefore = (await Report("wording-a")).Bytes;

        var saved = await Reports.SaveReportTemplateDraftAsync(
            new SaveReportTemplateDraftRequest { RequestId = "draft-a-1", TemplateJson = Worded("（甲会）") }, Admin("wording-a"));
        var preview = await Reports.PreviewReportTemplateDraftAsync(
            new PreviewReportTemplateDraftRequest { NodeId = Nodes.Root, Year = Year }, Admin("wording-a"));

        Assert.Equal(1, saved.Draft.Revision);
        Assert.Equal(saved.Draft.Revision, preview.DraftRevision);
        Assert.StartsWith("# ", preview.Markdown);
        Assert.Contains($"{DefaultTitle}（甲会）", preview.Markdown.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("党组理论中心组学习1次", preview.Markdown);
        // A draft changes no report, not even its own tenant's.
        Assert.Equal(ownBefore, (await Report("wording-a")).Bytes);
        Assert.Equal(otherBefore, (await Report("wording-b")).Bytes);

        await Reports.AdoptReportTemplateDraftAsync(new AdoptReportTemplateDraftRequest { RequestId = "adopt-a-1", DraftRevision = 1 }, Admin("wording-a"));

        Assert.Contains($"{DefaultTitle}（甲会）", (await Report("wording-a")).Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(otherBefore, (await Report("wording-b")).Bytes);
        Assert.Empty((await Reports.ListReportTemplateVersionsAsync(new ListReportTemplateVersionsRequest(), Admin("wording-b"))).Versions);
        var inForce = await Reports.GetReportTemplateAsync(new GetReportTemplateRequest(), Admin("wording-b"));
        Assert.True(inForce.Version.PlatformDefault);
        Assert.Equal(DefaultJson, inForce.TemplateJson);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            Reports.GetReportTemplateAsync(new GetReportTemplateRequest { Version = 1 }, Admin("wording-b")).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            Reports.GetReportTemplateDraftAsync(new GetReportTemplateDraftRequest(), Admin("wording-b")).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => Report("wording-b", version: 1))).StatusCode);
    }

    [Fact]
    public async Task The_previous_version_renders_last_years_report_byte_identically_after_a_new_one_is_adopted()
    {
        const string tenant = "wording-c";
        var first = await Adopt(tenant, "（第一版）", "v1");
        var markdownBefore = (await Report(tenant)).Bytes;
        var wordBefore = Body((await Report(tenant, format: ReportFormat.Docx)).Bytes);
        Assert.Equal((1, true), (first.Version, first.InForce));

        // A new draft, previewed: the report in force does not move.
        var draft = (await Reports.SaveReportTemplateDraftAsync(
            new SaveReportTemplateDraftRequest { RequestId = "draft-2", TemplateJson = Worded("（第二版）") }, Admin(tenant))).Draft;
        var preview = await Reports.PreviewReportTemplateDraftAsync(new PreviewReportTemplateDraftRequest { NodeId = Nodes.Root, Year = Year }, Admin(tenant));
        Assert.Contains("（第二版）", preview.Markdown, StringComparison.Ordinal);
        Assert.Equal(markdownBefore, (await Report(tenant)).Bytes);

        // Adopting names the revision previewed: a draft saved since is never adopted unseen.
        var stale = await Assert.ThrowsAsync<RpcException>(() => Reports.AdoptReportTemplateDraftAsync(
            new AdoptReportTemplateDraftRequest { RequestId = "adopt-stale", DraftRevision = draft.Revision + 1 }, Admin(tenant)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);

        var second = await Reports.AdoptReportTemplateDraftAsync(
            new AdoptReportTemplateDraftRequest { RequestId = "adopt-2", DraftRevision = draft.Revision }, Admin(tenant));
        var retried = await Reports.AdoptReportTemplateDraftAsync(
            new AdoptReportTemplateDraftRequest { RequestId = "adopt-2", DraftRevision = draft.Revision }, Admin(tenant));
        Assert.Equal((2, false), (second.Version.Version, second.Replayed));
        Assert.Equal((2, true), (retried.Version.Version, retried.Replayed));

        Assert.Contains("（第二版）", (await Report(tenant)).Text, StringComparison.Ordinal);
        Assert.Equal(markdownBefore, (await Report(tenant, version: 1)).Bytes);
        Assert.Equal(wordBefore, Body((await Report(tenant, version: 1, format: ReportFormat.Docx)).Bytes));

        var versions = (await Reports.ListReportTemplateVersionsAsync(new ListReportTemplateVersionsRequest(), Admin(tenant))).Versions;
        Assert.Equal([(1, false), (2, true)], versions.Select(v => (v.Version, v.InForce)));
        Assert.Equal(Worded("（第一版）"), (await Reports.GetReportTemplateAsync(new GetReportTemplateRequest { Version = 1 }, Admin(tenant))).TemplateJson);
    }

    [Fact]
    public async Task An_invalid_template_or_preamble_is_refused_with_field_violations_and_nothing_is_stored()
    {
        const string tenant = "wording-d";
        var before = (await Report(tenant)).Bytes;
        var unknownPlaceholder = Worded("{orgnisation}");
        var misspeltField = DefaultJson.Replace("\"title\"", "\"titel\"", StringComparison.Ordinal);

        var placeholder = await Assert.ThrowsAsync<RpcException>(() => Reports.SaveReportTemplateDraftAsync(
            new SaveReportTemplateDraftRequest { RequestId = "bad-1", TemplateJson = unknownPlaceholder }, Admin(tenant)).ResponseAsync);
        var field = await Assert.ThrowsAsync<RpcException>(() => Reports.SaveReportTemplateDraftAsync(
            new SaveReportTemplateDraftRequest { RequestId = "bad-2", TemplateJson = misspeltField }, Admin(tenant)).ResponseAsync);
        var huge = await Assert.ThrowsAsync<RpcException>(() => Reports.SaveReportTemplateDraftAsync(
            new SaveReportTemplateDraftRequest { RequestId = "", TemplateJson = new string(' ', 200_000) }, Admin(tenant)).ResponseAsync);
        var preamble = await Assert.ThrowsAsync<RpcException>(() => Reports.SetReportPreambleAsync(
            new SetReportPreambleRequest { RequestId = "bad-3", Year = 1999, Text = new string('字', 2_001) }, Admin(tenant)).ResponseAsync);

        Assert.Equal(["template_json.title"], Fields(placeholder));
        Assert.Equal(["template_json"], Fields(field));
        Assert.Equal(["request_id", "template_json"], Fields(huge));
        Assert.Equal(["text", "year"], Fields(preamble));

        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            Reports.GetReportTemplateDraftAsync(new GetReportTemplateDraftRequest(), Admin(tenant)).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => Reports.PreviewReportTemplateDraftAsync(
            new PreviewReportTemplateDraftRequest { NodeId = Nodes.Root }, Admin(tenant)).ResponseAsync)).StatusCode);
        Assert.Empty((await Reports.GetReportPreambleAsync(new GetReportPreambleRequest { Year = 1999 + 1 }, Admin(tenant))).Preamble.Text);
        Assert.Equal(before, (await Report(tenant)).Bytes);
    }

    [Fact]
    public async Task Only_the_tenants_party_office_edits_templates_and_preambles()
    {
        const string tenant = "wording-e";
        var secretary = TestCredentials.Bearer("secretary-e", tenant, Grant.For(Role.BranchSecretary, tenant, [Branch]));
        var supervisor = TestCredentials.Supervisor(tenant);
        // Another tenant's office naming this tenant: the tenant comes from the credential's grants, never the request.
        var otherOffice = TestCredentials.Bearer("office-a", tenant, Grant.For(Role.TenantAdmin, "wording-a"));

        foreach (var caller in new[] { secretary, supervisor, otherOffice })
        {
            var outcomes = new[]
            {
                await RpcOutcome.Of(() => Reports.SaveReportTemplateDraftAsync(
                    new SaveReportTemplateDraftRequest { RequestId = "denied-1", TemplateJson = Worded("（越权）") }, caller).ResponseAsync),
                await RpcOutcome.Of(() => Reports.AdoptReportTemplateDraftAsync(
                    new AdoptReportTemplateDraftRequest { RequestId = "denied-2", DraftRevision = 1 }, caller).ResponseAsync),
                await RpcOutcome.Of(() => Reports.PreviewReportTemplateDraftAsync(
                    new PreviewReportTemplateDraftRequest { NodeId = Nodes.Root, Year = Year }, caller).ResponseAsync),
                await RpcOutcome.Of(() => Reports.SetReportPreambleAsync(
                    new SetReportPreambleRequest { RequestId = "denied-3", Year = Year, Text = "越权" }, caller).ResponseAsync),
            };
            Assert.All(outcomes, o => Assert.Equal(StatusCode.PermissionDenied, o.Code));
        }

        // Readers still see what is in force.
        Assert.True((await Reports.GetReportTemplateAsync(new GetReportTemplateRequest(), secretary)).Version.PlatformDefault);
        Assert.Empty((await Reports.GetReportPreambleAsync(new GetReportPreambleRequest { Year = Year }, secretary)).Preamble.Text);
        Assert.DoesNotContain("越权", (await Report(tenant)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_years_preamble_opens_the_report_as_plain_text()
    {
        const string tenant = "wording-f";
        const string text = "今年是党的二十大召开之年。<script>alert(1)</script> **粗** [链接](javascript:alert(1))\n# 标题";
        var set = await Reports.SetReportPreambleAsync(new SetReportPreambleRequest { RequestId = "preamble-1", Year = Year, Text = text }, Admin(tenant));
        var again = await Reports.SetReportPreambleAsync(new SetReportPreambleRequest { RequestId = "preamble-1", Year = Year, Text = text }, Admin(tenant));
        Assert.Equal((text, false, true), (set.Preamble.Text, set.Replayed, again.Replayed));
        Assert.Equal(text, (await Reports.GetReportPreambleAsync(new GetReportPreambleRequest { Year = Year }, Admin(tenant))).Preamble.Text);

        var markdown = (await Report(tenant)).Text;
        var lines = markdown.Split('\n');
        Assert.Equal(
            ["今年是党的二十大召开之年。&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*\\*粗\\*\\* \\[链接\\]\\(javascript\\:alert\\(1\\)\\)", "\\# 标题"],
            lines[2..4]);
        Assert.StartsWith($"{Year}年，我坚持", lines[5]);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);

        using var docx = WordprocessingDocument.Open(new MemoryStream((await Report(tenant, format: ReportFormat.Docx)).Bytes), false);
        Assert.Contains(text, docx.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));

        // Another year's report has no preamble.
        Assert.DoesNotContain("二十大", (await Report(tenant, year: Year - 1)).Text, StringComparison.Ordinal);
    }

    private static string Body(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.OuterXml;
    }
}
