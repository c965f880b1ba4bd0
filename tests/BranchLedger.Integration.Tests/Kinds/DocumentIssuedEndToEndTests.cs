using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Cli;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Google.Rpc;
using Grpc.Core;
using Metadata = Grpc.Core.Metadata;

namespace BranchLedger.Integration.Tests.Kinds;

/// <summary>
/// 发文 (DocumentIssued), added in four files (its proto message, catalogue entry, rules and this test), end to end
/// on a real cluster and gateway: AppendRecord over gRPC and JSON with its rules' refusals at its fields, ImportRecords,
/// the CLI's CSV import, the catalogue a web form is built from, the ledger export and the annual report's sentence.
/// </summary>
public sealed class DocumentIssuedEndToEndTests(GatewayFixture fixture) : CliTestClass(fixture)
{
    private const string Tenant = "tenant-documents";
    private const string Node = "documents-branch";
    private static readonly Metadata Caller = GatewayHost.As(Tenant, "documents-secretary");

    private static Google.Type.Date Day(int month, int day) => new() { Year = 2026, Month = month, Day = day };

    private static DocumentIssued Plan() => new()
    {
        Kind = DocumentKind.Plan, Date = Day(2, 20), Title = "2026年党建工作计划", Issuer = "机关党委", Notes = "党发〔2026〕1号",
    };

    [Fact]
    public async Task Recorded_through_gRPC_JSON_and_import_it_exports_and_is_stated_in_the_report()
    {
        await Fixture.EnsureAsync(Tenant, Node);
        var ledger = Fixture.Ledger;

        var first = await ledger.AppendRecordAsync(new AppendRecordRequest { NodeId = Node, RequestId = "doc-grpc", DocumentIssued = Plan() }, Caller);
        var retry = await ledger.AppendRecordAsync(new AppendRecordRequest { NodeId = Node, RequestId = "doc-grpc", DocumentIssued = Plan() }, Caller);
        Assert.Equal(Plan(), first.Record.DocumentIssued);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Record.RecordId, retry.Record.RecordId);

        // JSON, to the route and in the body field the catalogue publishes.
        using var http = Client();
        var catalogue = await http.GetFromJsonAsync<JsonElement>("/v1/record-kinds");
        var kind = catalogue.GetProperty("recordKinds").EnumerateArray().Single(k => k.GetProperty("kindId").GetString() == "document-issued");
        Assert.Equal("发文", kind.GetProperty("label").GetString());
        Assert.Equal("AppendRecord", kind.GetProperty("rpc").GetString());
        Assert.Equal("documentIssued", kind.GetProperty("bodyField").GetString());
        // 工作机制 was added with issue 19 (the report names mechanisms: 建立“142”品牌创建机制).
        Assert.Equal(["计划", "制度规则", "清单", "通知", "其他", "工作机制"],
            kind.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("jsonPath").GetString() == "documentIssued.kind")
                .GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        var posted = await http.PostAsJsonAsync($"/v1/nodes/{Node}/records", new
        {
            requestId = "doc-json",
            documentIssued = new { kind = "DOCUMENT_KIND_RULES", date = new { year = 2026, month = 3, day = 5 }, title = "残工委工作规则", issuer = "市残工委" },
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using (var answer = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()))
        {
            Assert.Equal("DOCUMENT_KIND_RULES", answer.RootElement.GetProperty("record").GetProperty("documentIssued").GetProperty("kind").GetString());
        }

        var imported = await ledger.ImportRecordsAsync(new ImportRecordsRequest
        {
            NodeId = Node,
            Rows =
            {
                new ImportRow { RequestId = "doc-import", Body = new RecordBody { DocumentIssued = new DocumentIssued { Kind = DocumentKind.List, Date = Day(3, 8), Title = "党组书记抓党建工作责任清单" } } },
                new ImportRow { RequestId = "doc-import-bad", Body = new RecordBody { DocumentIssued = new DocumentIssued { Kind = DocumentKind.Notice, Date = Day(3, 9), Title = "" } } },
            },
        }, Caller);
        Assert.Equal((1, 1), (imported.Accepted, imported.Rejected));
        Assert.Equal("document_issued.title", Assert.Single(imported.Results[1].Violations).Field);

        // The ledger export: a sheet of its own, its columns as its entry labels them (标题 here is 文件标题, not 荣誉名称).
        var xlsx = await Download.ReadAsync(Fixture.Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Node, Period = "2026", Format = ExportFormat.Xlsx }, Caller));
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx.Bytes), false))
        {
            Assert.Contains("发文", workbook.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        }

        var csv = await Download.ReadAsync(Fixture.Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Node, Period = "2026", Format = ExportFormat.Csv, Family = "document_issued" }, Caller));
        Assert.StartsWith("单位,记录编号,日期,文件类别,文件标题,印发单位,备注,记录状态", csv.Text[1..], StringComparison.Ordinal);
        Assert.Contains(",2026-02-20,计划,2026年党建工作计划,机关党委,党发〔2026〕1号,现行,", csv.Text, StringComparison.Ordinal);
        var combined = await Download.ReadAsync(Fixture.Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Node, Period = "2026", Format = ExportFormat.Csv }, Caller));
        Assert.Contains("文件类别：制度规则；文件标题：残工委工作规则；印发单位：市残工委", combined.Text, StringComparison.Ordinal);

        // The annual report: its entry's sentence at the end of （一）一是, and its trace.
        var report = await Download.ReadAsync(Fixture.Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Node, Year = 2026, Format = ReportFormat.Markdown }, Caller));
        Assert.Contains("。制定印发党建工作计划、制度规则等文件3份，其中制度规则1份。", report.Text, StringComparison.Ordinal);
        Assert.Contains("| 发文 | 2026年党建工作计划 |", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_rules_refuse_a_bad_body_at_its_fields()
    {
        await Fixture.EnsureAsync(Tenant, Node);
        var bad = await Assert.ThrowsAsync<RpcException>(() => Fixture.Ledger.AppendRecordAsync(new AppendRecordRequest
        {
            NodeId = Node, RequestId = "doc-bad", DocumentIssued = new DocumentIssued { Date = Day(3, 1), Issuer = new string('单', 101) },
        }, Caller).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["document_issued.issuer", "document_issued.kind", "document_issued.title"],
            bad.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));

        var future = await Assert.ThrowsAsync<RpcException>(() => Fixture.Ledger.AppendRecordAsync(new AppendRecordRequest
        {
            NodeId = Node, RequestId = "doc-future", DocumentIssued = new DocumentIssued { Kind = DocumentKind.Other, Date = new Google.Type.Date { Year = 2999, Month = 1, Day = 1 }, Title = "未来" },
        }, Caller).ResponseAsync);
        Assert.Equal(["document_issued.date"], future.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task The_CLI_imports_documents_from_csv_once_and_lists_them_in_Chinese()
    {
        const string tenant = "cli-documents";
        await Cli.SucceedAsync("tenants", "create", tenant, "市残联");
        await Cli.SucceedAsync("--tenant", tenant, "nodes", "import", CliRun.Example("tree.csv"));
        var csv = Cli.Scratch("documents.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "node_id,type,date,kind,title,issuer",
            "office-branch,document_issued,2026-02-20,plan,2026年党建工作计划,机关党委",
            "office-branch,document_issued,2026-03-05,rules,残工委工作规则,",
        ]);

        var once = await Cli.SucceedAsync("--tenant", tenant, "--json", "records", "import", csv);
        var again = await Cli.SucceedAsync("--tenant", tenant, "--json", "records", "import", csv);

        Assert.Equal((2, 0, 0), Counts(once));
        Assert.Equal((0, 2, 0), Counts(again));
        var office = await Fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch", Kind = "document_issued" }, GatewayHost.As(tenant));
        Assert.Equal(
            [new DocumentIssued { Kind = DocumentKind.Plan, Date = Day(2, 20), Title = "2026年党建工作计划", Issuer = "机关党委" },
             new DocumentIssued { Kind = DocumentKind.Rules, Date = Day(3, 5), Title = "残工委工作规则" }],
            office.Records.Select(r => r.DocumentIssued));
        var listed = await Cli.SucceedAsync("--tenant", tenant, "records", "list", "office-branch");
        Assert.Contains("2026-03-05 制度规则 残工委工作规则", listed.Out, StringComparison.Ordinal);
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
