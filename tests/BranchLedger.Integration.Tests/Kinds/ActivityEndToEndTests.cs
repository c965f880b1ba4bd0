using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Cli;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Reports;
using BranchLedger.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using BranchLedger.Domain.Access;
using Google.Rpc;
using Grpc.Core;
using Metadata = Grpc.Core.Metadata;

namespace BranchLedger.Integration.Tests.Kinds;

/// <summary>
/// 主题活动 (Activity), the kind added through the record catalogue, end to end on a real cluster and gateway:
/// recorded through the generic AppendRecord over gRPC and JSON, through ImportRecords, amended, and by the
/// CLI from CSV and xlsx; then seen in the ledger export (xlsx and CSV) and the annual report's sentence.
/// </summary>
public sealed class ActivityEndToEndTests(GatewayFixture fixture) : CliTestClass(fixture)
{
    private const string Tenant = "tenant-activity";
    private const string Node = "activity-branch";
    private static readonly Metadata Caller = GatewayHost.As(Tenant, "activity-secretary");

    private static Google.Type.Date Day(int month, int day) => new() { Year = 2026, Month = month, Day = day };

    private static Activity Oath() => new()
    {
        Kind = ActivityKind.OathRenewal, Date = Day(7, 1), Topic = "七一重温入党誓词", Participants = 23, Organiser = "机关党委", Notes = "全体党员参加",
    };

    [Fact]
    public async Task Recorded_through_gRPC_JSON_and_import_it_reads_back_exports_and_is_stated_in_the_report()
    {
        await Fixture.EnsureAsync(Tenant, Node);
        var ledger = Fixture.Ledger;

        // gRPC: the generic write, answered again (not recorded twice) on a retry.
        var first = await ledger.AppendRecordAsync(new AppendRecordRequest { NodeId = Node, RequestId = "act-grpc", Activity = Oath() }, Caller);
        var retry = await ledger.AppendRecordAsync(new AppendRecordRequest { NodeId = Node, RequestId = "act-grpc", Activity = Oath() }, Caller);
        Assert.Equal(Oath(), first.Record.Activity);
        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Record.RecordId, retry.Record.RecordId);

        // JSON: the same shape as the catalogue's form sends, to the route the catalogue names.
        using var http = Client();
        var posted = await http.PostAsJsonAsync($"/v1/nodes/{Node}/records", new
        {
            requestId = "act-json",
            activity = new { kind = "ACTIVITY_KIND_SITE_VISIT", date = new { year = 2026, month = 9, day = 12 }, topic = "参观党史纪念馆", participants = 18, organiser = "第一党支部" },
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using (var answer = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()))
        {
            var activity = answer.RootElement.GetProperty("record").GetProperty("activity");
            Assert.Equal("ACTIVITY_KIND_SITE_VISIT", activity.GetProperty("kind").GetString());
            Assert.Equal(18, activity.GetProperty("participants").GetInt32());
        }

        // ImportRecords takes it as a RecordBody row like any other kind.
        var imported = await ledger.ImportRecordsAsync(new ImportRecordsRequest
        {
            NodeId = Node,
            Rows =
            {
                new ImportRow { RequestId = "act-import", Body = new RecordBody { Activity = new Activity { Kind = ActivityKind.Volunteering, Date = Day(10, 5), Topic = "社区志愿服务", Participants = 9 } } },
                new ImportRow { RequestId = "act-import-bad", Body = new RecordBody { Activity = new Activity { Kind = ActivityKind.OutreachTalk, Date = Day(10, 6), Topic = "" } } },
            },
        }, Caller);
        Assert.Equal((1, 1), (imported.Accepted, imported.Rejected));
        Assert.Equal("activity.topic", Assert.Single(imported.Results[1].Violations).Field);

        // An amendment replaces it with the same kind (the generic mapping both ways).
        var talkAmended = new Activity { Kind = ActivityKind.OutreachTalk, Date = Day(10, 5), Topic = "党的二十大精神宣讲", Participants = 40, Organiser = "宣讲团" };
        await ledger.AmendRecordAsync(new AmendRecordRequest
        {
            NodeId = Node, RequestId = "act-amend", RecordId = imported.Results[0].RecordId, Reason = "类型录错",
            Replacement = new RecordBody { Activity = talkAmended },
        }, Caller);

        var listed = await ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = Node, Kind = "activity" }, Caller);
        Assert.Equal(3, listed.Records.Count);
        Assert.Equal(talkAmended, listed.Records[2].Current.Activity);

        // The ledger export: a sheet of its own with the catalogue's columns, enum values in Chinese.
        var xlsx = await Download.ReadAsync(Fixture.Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Node, Period = "2026", Format = ExportFormat.Xlsx }, Caller));
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx.Bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(workbook));
            Assert.Contains("主题活动", workbook.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        }

        // One kind's CSV has its columns; the whole ledger's CSV joins them into one content column.
        var csv = await Download.ReadAsync(Fixture.Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Node, Period = "2026", Format = ExportFormat.Csv, Family = "activity" }, Caller));
        // The theme and the party-group secretary's own 宣讲 (added for the report's 围绕…，带头深入基层宣讲…) are columns too.
        Assert.StartsWith("单位,记录编号,日期,类型,主题,参加人数,组织者,围绕的主题,党组书记带头宣讲,备注,记录状态", csv.Text[1..], StringComparison.Ordinal);
        Assert.Contains(",2026-07-01,重温入党誓词,七一重温入党誓词,23,机关党委,,否,全体党员参加,现行,", csv.Text, StringComparison.Ordinal);
        Assert.Contains(",宣讲,党的二十大精神宣讲,40,宣讲团,,否,,已更正,", csv.Text, StringComparison.Ordinal);
        var combined = await Download.ReadAsync(Fixture.Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Node, Period = "2026", Format = ExportFormat.Csv }, Caller));
        Assert.Contains("主题活动,", combined.Text, StringComparison.Ordinal);
        Assert.Contains("类型：重温入党誓词；主题：七一重温入党誓词；参加人数：23；组织者：机关党委", combined.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("OathRenewal", combined.Text, StringComparison.Ordinal);

        // The annual report: the sentence and its trace.
        var report = await Download.ReadAsync(Fixture.Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Node, Year = 2026, Format = ReportFormat.Markdown }, Caller));
        Assert.Contains("组织开展重温入党誓词、现场参观学习等主题活动3次（重温入党誓词1次、现场参观学习1次、宣讲1次、志愿活动暂无记录），参加81人次。",
            report.Text, StringComparison.Ordinal);
        Assert.Contains("| 主题活动 | 七一重温入党誓词 |", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generic_write_refuses_a_bad_body_at_its_fields_and_a_closure_without_findings_verify()
    {
        await Fixture.EnsureAsync(Tenant, Node);
        var bad = await Assert.ThrowsAsync<RpcException>(() => Fixture.Ledger.AppendRecordAsync(new AppendRecordRequest
        {
            NodeId = Node, RequestId = "act-bad", Activity = new Activity { Date = Day(3, 1), Participants = -2 },
        }, Caller).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        var fields = bad.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["activity.kind", "activity.participants", "activity.topic"], fields.Order(StringComparer.Ordinal));

        var none = await Assert.ThrowsAsync<RpcException>(() => Fixture.Ledger.AppendRecordAsync(new AppendRecordRequest { NodeId = Node, RequestId = "act-none" }, Caller).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, none.StatusCode);
        Assert.Equal(["body"], none.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));

        // Closing a finding through the generic write is the same sign-off as through CloseFinding.
        var secretary = TestCredentials.Bearer("activity-branch-secretary", Tenant, Grant.For(Role.BranchSecretary, Tenant, [Node]));
        var closure = await Assert.ThrowsAsync<RpcException>(() => Fixture.Ledger.AppendRecordAsync(new AppendRecordRequest
        {
            NodeId = Node, RequestId = "act-close", FindingClosure = new FindingClosure { Date = Day(3, 2), FindingId = "f-1", Verifier = "某人" },
        }, secretary).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, closure.StatusCode);
    }

    [Fact]
    public async Task The_CLI_imports_activities_from_csv_and_xlsx_once_and_lists_them_in_Chinese()
    {
        const string tenant = "cli-activity";
        await Cli.SucceedAsync("tenants", "create", tenant, "市残联");
        await Cli.SucceedAsync("--tenant", tenant, "nodes", "import", CliRun.Example("tree.csv"));
        var csv = Cli.Scratch("activities.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "node_id,type,date,kind,topic,participants,organiser",
            "office-branch,activity,2026-07-01,oath_renewal,七一重温入党誓词,21,机关党委",
            "office-branch,activity,2026-09-12,site_visit,参观党史纪念馆,18,",
        ]);
        var xlsx = Cli.Scratch("activities.xlsx");
        await using (var book = File.Create(xlsx))
        {
            XlsxWriter.Write([new ExportTable("records", ["node_id", "type", "date", "kind", "topic", "participants", "organiser"],
            [
                ["service-branch", "activity", "2026-10-05", "volunteering", "社区志愿服务", 9, "服务中心党支部"],
                // The same row as in the CSV: the same request id, so nothing is recorded twice.
                ["office-branch", "activity", "2026-07-01", "oath_renewal", "七一重温入党誓词", 21, "机关党委"],
            ])], book);
        }

        var fromCsv = await Cli.SucceedAsync("--tenant", tenant, "--json", "records", "import", csv);
        var fromXlsx = await Cli.SucceedAsync("--tenant", tenant, "--json", "records", "import", xlsx);

        Assert.Equal((2, 0, 0), Counts(fromCsv));
        Assert.Equal((1, 1, 0), Counts(fromXlsx));
        var caller = GatewayHost.As(tenant);
        var office = await Fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch", Kind = "activity" }, caller);
        Assert.Equal(
            [new Activity { Kind = ActivityKind.OathRenewal, Date = Day(7, 1), Topic = "七一重温入党誓词", Participants = 21, Organiser = "机关党委" },
             new Activity { Kind = ActivityKind.SiteVisit, Date = Day(9, 12), Topic = "参观党史纪念馆", Participants = 18 }],
            office.Records.Select(r => r.Activity));
        var listed = await Cli.SucceedAsync("--tenant", tenant, "records", "list", "service-branch");
        Assert.Contains("2026-10-05 志愿活动 社区志愿服务 9 服务中心党支部", listed.Out, StringComparison.Ordinal);
    }

    private static (int Accepted, int Replayed, int Rejected) Counts(CliResult result) =>
        ((int)result.Json["accepted"]!, (int)result.Json["replayed"]!, (int)result.Json["rejected"]!);

    private HttpClient Client()
    {
        var http = Fixture.Http();
        foreach (var entry in Caller)
        {
            http.DefaultRequestHeaders.Add(entry.Key, entry.Value);
        }

        return http;
    }
}
