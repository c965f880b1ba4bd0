using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Google.Rpc;
using Grpc.Core;
using Sheet = DocumentFormat.OpenXml.Spreadsheet.Sheet;

namespace BranchLedger.Integration.Tests.Reports;

/// <summary>Reports and exports through the real gRPC host, computed from records written through the API.</summary>
public sealed class ReportServiceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private const string Tenant = "tenant-reports";
    private const string Branch = "report-branch";
    private const string TenantName = "市报告测试协会";
    private static readonly Metadata Caller = GatewayHost.As(Tenant);
    private ReportService.ReportServiceClient Reports => fixture.Reports;

    public async Task InitializeAsync()
    {
        await fixture.EnsureAsync(Tenant, Branch, members: 10);
        await fixture.Directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest
        {
            RequestId = "profile-name",
            Profile = new TenantProfile { DisplayName = TenantName, BodyKind = BodyKind.PeoplesOrganisation, TimeZone = "Asia/Shanghai" },
        }, Caller);
        for (var i = 1; i <= 3; i++)
        {
            await Record(Nodes.Root, $"theory-{i}", MeetingKind.TheoryStudyGroup, i, "学习党的创新理论");
        }

        await Record(Nodes.Root, "group-1", MeetingKind.PartyGroupMeeting, 4, "研究年度党建工作");
        await Record(Nodes.Root, "group-2", MeetingKind.PartyGroupMeeting, 5, "研究巡察整改");
        await fixture.Ledger.RecordTalkAsync(new RecordTalkRequest
        {
            NodeId = Branch, RequestId = "integrity-1",
            Talk = new Talk { Kind = TalkKind.Integrity, Topic = "节前廉政谈话", People = 5, Date = Day(6) },
        }, Caller);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_markdown_report_states_the_recorded_figures_and_lists_their_records()
    {
        var file = await Download.ReadAsync(Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = 2026, Format = ReportFormat.Markdown }, Caller));

        Assert.Equal($"annual-report-{Nodes.Root}-2026.md", file.FileName);
        Assert.StartsWith("text/markdown", file.ContentType);
        var text = file.Text;
        Assert.StartsWith($"# {TenantName}党组书记抓基层党建工作述职报告", text);
        // 主持召开… counts only the meetings recorded as chaired by the party-group secretary (none here); the sessions held are stated apart.
        Assert.Contains("全年党组理论中心组学习3次", text);
        Assert.Contains("党组书记主持召开党组会、党组理论中心组学习本年度暂无记录", text);
        Assert.Contains("共召开党组会2次、理事长办公会（本年度暂无记录）", text);
        Assert.Contains("开展廉政谈话5人次", text);
        Assert.Contains("| 党组 | rec-1 | 2026-03-01 | 会议学习 | 学习党的创新理论 |", text);
        Assert.Contains($"| {Branch} | rec-1 | 2026-03-06 | 谈话 | 节前廉政谈话 |", text);
    }

    [Fact]
    public async Task The_word_report_is_valid_open_xml()
    {
        var file = await Download.ReadAsync(Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = 2026, Format = ReportFormat.Docx }, Caller));

        using var docx = WordprocessingDocument.Open(new MemoryStream(file.Bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(docx));
        Assert.Contains("党组理论中心组学习3次", docx.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Fact]
    public async Task The_trace_pages_through_the_records_of_a_figure()
    {
        var request = new GetReportTraceRequest { NodeId = Nodes.Root, Year = 2026, FigureKey = "meetings.theory-study", PageSize = 2 };
        var first = await Reports.GetReportTraceAsync(request, Caller);
        request.PageToken = first.NextPageToken;
        var second = await Reports.GetReportTraceAsync(request, Caller);

        var figure = Assert.Single(first.Figures);
        Assert.Equal((3, "次", false), (figure.Value, figure.Unit, figure.NoRecords));
        Assert.Equal(["rec-1", "rec-2", "rec-3"], first.Records.Concat(second.Records).Select(r => r.RecordId));
        Assert.Empty(second.NextPageToken);
        Assert.All(first.Records, r => Assert.Equal("党组理论中心组学习", r.FigureLabel));
    }

    [Fact]
    public async Task The_ledger_exports_as_a_valid_workbook_with_a_sheet_per_kind_and_as_csv()
    {
        var xlsx = await Download.ReadAsync(Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Nodes.Root, Period = "2026", Format = ExportFormat.Xlsx }, Caller));
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx.Bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(workbook));
            Assert.Equal(["会议学习", "谈话"], workbook.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        }

        var csv = await Download.ReadAsync(Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Nodes.Root, Period = "2026-Q1", Format = ExportFormat.Csv, Family = "talk" }, Caller));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Bytes[..3]);
        var lines = csv.Text[1..].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("单位,记录编号,日期,类型,主题,人数", lines[0]);
        Assert.StartsWith($"{Branch},rec-1,2026-03-06,廉政谈话,节前廉政谈话,5", Assert.Single(lines[1..]));
    }

    [Fact]
    public async Task Duty_and_finding_rows_name_their_actor_and_remediation_type_in_Chinese()
    {
        const string node = "org-duty-export";
        await fixture.EnsureAsync(Tenant, node);
        var d = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 };
        await fixture.Ledger.CreateDutyItemAsync(new()
        {
            NodeId = node, RequestId = "export-duty",
            DutyItem = new DutyItem { Date = d, DutyId = "plan", Duty = "印发年度党建工作计划", Actor = ActorClass.SecretaryFirstResponsible, Owner = "书记", Due = d },
        }, Caller);
        await fixture.Ledger.RaiseFindingAsync(new()
        {
            NodeId = node, RequestId = "export-finding",
            Finding = new Finding
            {
                Date = d, FindingId = "f-1", Source = "市委巡察", Finding_ = "台账不全", Measures = { "补齐台账" },
                ResponsiblePerson = "支部书记", ResponsibleLeader = "党组书记", Type = RemediationType.ByDeadline, Deadline = d,
            },
        }, Caller);

        var csv = await Download.ReadAsync(Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = node, Period = "2026", Format = ExportFormat.Csv }, Caller));

        Assert.Contains("书记第一责任人", csv.Text, StringComparison.Ordinal);
        Assert.Contains("限期整改", csv.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretaryFirstResponsible", csv.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ByDeadline", csv.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_and_comparisons_export_as_valid_workbooks()
    {
        var ranking = await Download.ReadAsync(Reports.ExportRankings(new ExportRankingsRequest
        {
            Format = ExportFormat.Xlsx, Ranking = new ListTopBranchesRequest { Period = "2026", Scope = RankingScope.Tenant },
        }, Caller));
        var comparison = await Download.ReadAsync(Reports.ExportRankings(new ExportRankingsRequest
        {
            Format = ExportFormat.Xlsx, Comparison = new CompareBranchesRequest { Period = "2026", Branches = { new RankingBranchRef { NodeId = Branch } } },
        }, Caller));

        using var rankingBook = SpreadsheetDocument.Open(new MemoryStream(ranking.Bytes), false);
        using var comparisonBook = SpreadsheetDocument.Open(new MemoryStream(comparison.Bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(rankingBook));
        Assert.Empty(new OpenXmlValidator().Validate(comparisonBook));
        Assert.Equal(["排名"], rankingBook.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal(["对比", "指标"], comparisonBook.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal("comparison-2026.xlsx", comparison.FileName);

        // Rows name the tenant as people know it, with its id beside for other systems.
        var csv = await Download.ReadAsync(Reports.ExportRankings(new ExportRankingsRequest
        {
            Format = ExportFormat.Csv, Comparison = new CompareBranchesRequest { Period = "2026", Branches = { new RankingBranchRef { NodeId = Branch } } },
        }, Caller));
        var lines = csv.Text[1..].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("所属单位,单位编号,支部编号", lines[0]);
        Assert.StartsWith($"{TenantName},{Tenant},{Branch},", lines[1]);
    }

    [Fact]
    public async Task A_sealed_year_is_still_counted_from_its_archive()
    {
        await fixture.Ledger.RecordMeetingAsync(new RecordMeetingRequest
        {
            NodeId = Nodes.Root, RequestId = "theory-2025",
            Meeting = new Meeting
            {
                Kind = MeetingKind.TheoryStudyGroup, Date = new Google.Type.Date { Year = 2025, Month = 5, Day = 8 },
                Topic = "学习党章", Attendees = 7, ExpectedAttendees = 7,
            },
        }, Caller);
        await fixture.Ledger.SealYearAsync(new SealYearRequest { NodeId = Nodes.Root, Year = 2025, RequestId = "seal-2025" }, Caller);

        var trace = await Reports.GetReportTraceAsync(
            new GetReportTraceRequest { NodeId = Nodes.Root, Year = 2025, FigureKey = "meetings.theory-study" }, Caller);

        Assert.Equal(1, Assert.Single(trace.Figures).Value);
        Assert.Equal("学习党章", Assert.Single(trace.Records).Summary);
    }

    [Fact]
    public async Task A_brand_begun_in_an_earlier_sealed_year_still_stands_in_later_reports()
    {
        await fixture.Ledger.RecordBrandProjectAsync(new RecordBrandProjectRequest
        {
            NodeId = Branch, RequestId = "brand-2025",
            BrandProject = new BrandProject
            {
                Date = new Google.Type.Date { Year = 2025, Month = 4, Day = 1 }, Name = "红色驿站",
                Level = RecognitionLevel.City, Status = BrandStatus.Recognised,
            },
        }, Caller);
        await fixture.Ledger.SealYearAsync(new SealYearRequest { NodeId = Branch, Year = 2025, RequestId = "seal-branch-2025" }, Caller);

        var trace = await Reports.GetReportTraceAsync(
            new GetReportTraceRequest { NodeId = Nodes.Root, Year = 2026, FigureKey = "brands.city" }, Caller);

        Assert.Equal(1, Assert.Single(trace.Figures).Value);
        Assert.Equal("红色驿站", Assert.Single(trace.Records).Summary);
    }

    [Fact]
    public async Task Three_meetings_one_lecture_counts_what_the_branch_held_against_what_its_rules_required()
    {
        await Record(Branch, "committee-march", MeetingKind.BranchCommitteeMeeting, 10, "研究发展党员工作");

        var trace = await Reports.GetReportTraceAsync(new GetReportTraceRequest { NodeId = Nodes.Root, Year = 2026 }, Caller);
        int Value(string key) => trace.Figures.Single(f => f.FigureKey == key).Value;

        // Only the branch has 三会一课 obligations; one committee meeting meets one month's obligation.
        Assert.Equal(1, Value("three-meetings.held"));
        Assert.True(Value("three-meetings.required") > 1);
        Assert.Equal(0, Value("three-meetings.branches-met"));
        Assert.False(trace.Figures.Single(f => f.FigureKey == "three-meetings.branches-met").NoRecords);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_field_violations_and_unknown_nodes_as_not_found()
    {
        var report = await Assert.ThrowsAsync<RpcException>(() => Download.ReadAsync(Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = 1999 }, Caller)));
        var export = await Assert.ThrowsAsync<RpcException>(() => Download.ReadAsync(Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Nodes.Root, Period = "2026-13", Format = ExportFormat.Csv, Family = "nonsense" }, Caller)));
        var rankings = await Assert.ThrowsAsync<RpcException>(() => Download.ReadAsync(Reports.ExportRankings(
            new ExportRankingsRequest(), Caller)));
        var trace = await Assert.ThrowsAsync<RpcException>(() => Reports.GetReportTraceAsync(
            new GetReportTraceRequest { NodeId = Nodes.Root, Year = 2026, FigureKey = "made.up" }, Caller).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Download.ReadAsync(Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = "no-such-node", Year = 2026, Format = ReportFormat.Markdown }, Caller)));

        Assert.Equal(["year", "format"], Fields(report));
        Assert.Equal(["period", "family"], Fields(export));
        Assert.Equal(["format", "what"], Fields(rankings));
        Assert.Equal(["figure_key"], Fields(trace));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    private static List<string> Fields(RpcException e)
    {
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        return [.. e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
    }

    private static Google.Type.Date Day(int day) => new() { Year = 2026, Month = 3, Day = day };

    private Task Record(string node, string requestId, MeetingKind kind, int day, string topic) =>
        fixture.Ledger.RecordMeetingAsync(new RecordMeetingRequest
        {
            NodeId = node, RequestId = requestId,
            Meeting = new Meeting { Kind = kind, Date = Day(day), Topic = topic, Attendees = 7, ExpectedAttendees = 7 },
        }, Caller).ResponseAsync;
}
