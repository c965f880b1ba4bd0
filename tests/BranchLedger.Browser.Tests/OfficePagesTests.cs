using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// The party office's pages (单位党务管理员): the compliance matrix, the review queue, and reports and
/// import — seeded through the real JSON API, used in headless Chromium on a desktop and a phone.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OfficePagesTests(DashboardPlatform platform, ITestOutputHelper output)
{
    private static readonly string Artefacts = TestArtefacts.Folder;

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task The_matrix_shows_every_branch_against_every_obligation_for_a_quarter_and_a_cell_opens_its_records(Screen screen)
    {
        await using var api = await SeedAsync($"office-m-{Suffix(screen)}");
        // 第一支部: a committee meeting every month of the first quarter and a general meeting; 第二支部: January only.
        foreach (var month in new[] { 1, 2, 3 })
        {
            await api.MeetingAsync("br-one", "MEETING_KIND_BRANCH_COMMITTEE_MEETING", new DateOnly(2026, month, 10), $"{month}月支委会", 5, 5);
        }

        await api.MeetingAsync("br-one", "MEETING_KIND_BRANCH_GENERAL_MEETING", new DateOnly(2026, 2, 20), "支部党员大会", 8, 8);
        await api.MeetingAsync("br-two", "MEETING_KIND_BRANCH_COMMITTEE_MEETING", new DateOnly(2026, 1, 15), "一月支委会", 5, 5);

        await using var s = await WebSession.OpenAsync(platform, screen);
        await s.SignInAsync("office-admin", "tenant-admin", api.Tenant);
        await Expect(s.Page).ToHaveURLAsync(new Regex("#/matrix$")); // the office lands on the matrix
        await s.Page.GotoAsync("/app/#/matrix?period=2026-Q1");
        await Expect(s.Page.Locator("#matrix-progress")).ToHaveTextAsync("已读取 3 个支部。");

        // Branches by their names, never their ids; obligations by their Chinese names.
        var branches = s.Page.Locator(screen == Screen.Desktop ? "#matrix-table tbody th[scope=row]" : "#matrix-list > li > h3");
        await Expect(branches).ToHaveTextAsync(["第一支部", "第二支部", "第三支部"]);
        await Expect(s.Page.Locator("#matrix")).Not.ToContainTextAsync("branch-committee-meeting");
        await Expect(s.Page.Locator("#matrix")).ToContainTextAsync("支委会");

        // Every branch × every obligation: the same obligations for each branch.
        var perBranch = await s.Page.Locator("details.cell[data-node=br-one]").CountAsync();
        Assert.True(perBranch >= 3, $"only {perBranch} obligations shown");
        await Expect(s.Page.Locator("details.cell")).ToHaveCountAsync(3 * perBranch);

        await ExpectCellAsync(s.Page, "br-one", "branch-committee-meeting", "met", "已落实", "3/3");
        await ExpectCellAsync(s.Page, "br-one", "branch-general-meeting", "met", "已落实", "1/1");
        await ExpectCellAsync(s.Page, "br-two", "branch-committee-meeting", "missed", "未落实", "1/3");
        await ExpectCellAsync(s.Page, "br-two", "branch-general-meeting", "missed", "未落实", "0/1");
        await ExpectCellAsync(s.Page, "br-three", "branch-committee-meeting", "missed", "未落实", "0/3");

        // A cell opens onto the records behind it, each leading to its record page.
        var cell = Cell(s.Page, "br-one", "branch-committee-meeting");
        await cell.Locator("summary").ClickAsync();
        var records = cell.Locator("li[data-record]");
        await Expect(records).ToHaveCountAsync(3);
        await Expect(records.First).ToContainTextAsync("2026-01-10 1月支委会");
        await Expect(records.First.Locator("a")).ToHaveAttributeAsync("href", new Regex("^#/records/br-one/"));
        await s.CheckPageAsync($"matrix-q1");

        // The period picker: the whole year.
        await s.Page.GetByLabel("季度", new() { Exact = true }).SelectOptionAsync("");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex("#/matrix\\?period=2026$"));
        await Expect(s.Page.Locator("#matrix-progress")).ToHaveTextAsync("已读取 3 个支部。");
        await ExpectCellAsync(s.Page, "br-one", "branch-committee-meeting", "missed", "未落实", "3/12");
        await s.CheckPageAsync("matrix-year");
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task The_office_marks_a_record_read_returns_another_with_a_reason_and_sees_it_answered_once_amended(Screen screen)
    {
        await using var api = await SeedAsync($"office-r-{Suffix(screen)}");
        var toRead = await api.MeetingAsync("br-one", "MEETING_KIND_BRANCH_COMMITTEE_MEETING", new DateOnly(2026, 3, 10), "三月支委会", 5, 5);
        var toReturn = await api.MeetingAsync("br-two", "MEETING_KIND_BRANCH_COMMITTEE_MEETING", new DateOnly(2026, 4, 10), "四月支委会", 5, 5);

        await using var s = await WebSession.OpenAsync(platform, screen);
        await s.SignInAsync("office-admin", "tenant-admin", api.Tenant);
        await s.Page.GotoAsync("/app/#/review?state=waiting");
        var read = Item(s.Page, "br-one", toRead);
        var back = Item(s.Page, "br-two", toReturn);
        await Expect(back).ToContainTextAsync("第二支部");
        await Expect(back).ToContainTextAsync("会议学习");
        await Expect(back).ToContainTextAsync("2026-04-10");
        await Expect(back).ToContainTextAsync("四月支委会");
        await Expect(back.GetByRole(AriaRole.Link, new() { Name = "查看记录详情" })).ToHaveAttributeAsync("href", $"#/records/br-two/{toReturn}");
        await s.CheckPageAsync("review-waiting");

        await read.GetByRole(AriaRole.Button, new() { Name = "标记已阅" }).ClickAsync();
        await Expect(s.Page.Locator("#review-notice")).ToHaveTextAsync("已标记为已阅。");
        await Expect(read).ToHaveCountAsync(0);
        Assert.Equal("REVIEW_STATE_READ", await api.ReviewStateAsync("br-one", toRead));

        // Returning asks for a reason first.
        await back.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await back.GetByRole(AriaRole.Button, new() { Name = "确认退回" }).ClickAsync();
        await Expect(back.Locator(".field-error")).ToHaveTextAsync("请填写退回原因。");
        await s.CheckPageAsync("review-return-form");
        await back.GetByLabel("退回原因").FillAsync("请补充参会人员名单");
        await back.GetByRole(AriaRole.Button, new() { Name = "确认退回" }).ClickAsync();
        await Expect(s.Page.Locator("#review-notice")).ToHaveTextAsync("已退回，等待支部答复。");
        Assert.Equal("REVIEW_STATE_RETURNED", await api.ReviewStateAsync("br-two", toReturn));

        await s.Page.GetByRole(AriaRole.Link, new() { Name = "已退回未答复" }).ClickAsync();
        await Expect(back).ToContainTextAsync("退回原因：请补充参会人员名单");
        await Expect(s.Page.Locator("#review-list > li")).ToHaveCountAsync(1);
        await s.CheckPageAsync("review-returned");

        // The branch answers by amending the record (its own page is tested elsewhere): it moves to 已答复.
        await api.AmendAsync("br-two", toReturn, "补充参会人员名单", new DateOnly(2026, 4, 10), "四月支委会（补充名单）");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "已答复" }).ClickAsync();
        await Expect(back).ToContainTextAsync("四月支委会（补充名单）");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "已退回未答复" }).ClickAsync();
        await Expect(s.Page.Locator("#review-progress")).ToHaveTextAsync("暂无记录。");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "已答复" }).ClickAsync();
        await Expect(back).ToBeVisibleAsync();
        await s.CheckPageAsync("review-answered");
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task The_office_downloads_the_annual_report_and_the_ledger_and_imports_a_csv_twice_recording_nothing_twice(Screen screen)
    {
        await using var api = await SeedAsync($"office-x-{Suffix(screen)}");
        await api.MeetingAsync("br-one", "MEETING_KIND_BRANCH_COMMITTEE_MEETING", new DateOnly(2026, 3, 10), "三月支委会", 5, 5);

        await using var s = await WebSession.OpenAsync(platform, screen);
        await s.SignInAsync("office-admin", "tenant-admin", api.Tenant);
        await s.Page.GotoAsync("/app/#/reports");
        await s.Page.GetByLabel("单位或支部").SelectOptionAsync("br-one");
        await s.Page.GetByLabel("年度", new() { Exact = true }).SelectOptionAsync("2026");
        await s.CheckPageAsync("reports");

        var report = await DownloadAsync(s.Page, "#download-report-docx", "annual-report-br-one-2026.docx");
        using (var docx = WordprocessingDocument.Open(report, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(docx));
            Assert.Contains("述职报告", docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        var ledger = await DownloadAsync(s.Page, "#download-ledger-xlsx", "ledger-br-one-2026.xlsx");
        using (var book = SpreadsheetDocument.Open(ledger, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(book));
            var text = (book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "")
                + string.Concat(book.WorkbookPart.WorksheetParts.Select(w => w.Worksheet.InnerText));
            Assert.Contains("三月支委会", text, StringComparison.Ordinal);
        }

        // Two good rows, a day that does not exist, a kind that does not exist, more present than expected.
        var file = Path.Combine(Artefacts, $"import-{Suffix(screen)}.csv");
        Directory.CreateDirectory(Artefacts);
        await File.WriteAllTextAsync(file, """
            type,kind,date,topic,attendees,expected_attendees
            meeting,branch_committee_meeting,2026-04-10,四月支委会,4,5
            meeting,branch_committee_meeting,2026-05-12,五月支委会,5,5
            meeting,branch_committee_meeting,2026-13-01,日期有误,4,5
            banquet,,2026-04-10,不存在的类型,,
            meeting,branch_committee_meeting,2026-06-10,人数有误,6,5

            """);
        await s.Page.GetByLabel("导入到").SelectOptionAsync("br-two");
        await s.Page.GetByLabel("记录文件（CSV 或 Excel）").SetInputFilesAsync(file);
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Expect(s.Page.Locator("#import-summary")).ToHaveTextAsync("共 5 行：已导入 2 行，已存在 0 行，未导入 3 行。");
        var rows = s.Page.Locator("#import-results tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.Nth(0)).ToContainTextAsync("已导入");
        await Expect(rows.Nth(2)).ToContainTextAsync("日期：不是有效日期");
        await Expect(rows.Nth(3)).ToContainTextAsync("记录类型：不是可导入的记录类型");
        await Expect(rows.Nth(4)).ToContainTextAsync("不能多于应到人数");
        await s.CheckPageAsync("reports-imported");
        Assert.Equal(2, await api.CountAsync("br-two"));

        // The same file again: nothing recorded twice.
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Expect(s.Page.Locator("#import-summary")).ToHaveTextAsync("共 5 行：已导入 0 行，已存在 2 行，未导入 3 行。");
        await Expect(s.Page.Locator("#import-results tbody tr[data-outcome=IMPORT_OUTCOME_DUPLICATE]")).ToHaveCountAsync(2);
        Assert.Equal(2, await api.CountAsync("br-two"));
        await s.CheckPageAsync("reports-imported-again");
    }

    private static string Suffix(Screen screen) => screen == Screen.Desktop ? "d" : "p";

    private static ILocator Cell(IPage page, string node, string rule) => page.Locator($"details.cell[data-node='{node}'][data-rule='{rule}']");

    private static ILocator Item(IPage page, string node, string record) => page.Locator($"#review-list > li[data-node='{node}'][data-record='{record}']");

    private static async Task ExpectCellAsync(IPage page, string node, string rule, string status, string label, string counts)
    {
        var cell = Cell(page, node, rule);
        await Expect(cell).ToHaveAttributeAsync("data-status", status);
        await Expect(cell.Locator("summary .badge")).ToHaveTextAsync(label); // text, not colour alone
        await Expect(cell.Locator("summary .counts")).ToHaveTextAsync(counts);
    }

    private Task<string> DownloadAsync(IPage page, string button, string expectedName) =>
        TestArtefacts.DownloadAsync(page, button, expectedName, output);

    /// <summary>A tenant with an organisation and three branches (with rosters), made through the JSON API.</summary>
    private async Task<OfficeApi> SeedAsync(string tenant)
    {
        var api = new OfficeApi(platform.BaseAddress, tenant);
        await api.PostAsync("/v1/tenant:register", new { requestId = "seed-register", profile = new { displayName = "市红十字会", bodyKind = "BODY_KIND_PEOPLES_ORGANISATION" } });
        await api.PostAsync("/v1/nodes", new { requestId = "seed-hq", nodeId = "hq", kind = "NODE_KIND_ORGANISATION", name = "机关党委" });
        foreach (var (id, name) in new[] { ("br-one", "第一支部"), ("br-two", "第二支部"), ("br-three", "第三支部") })
        {
            await api.PostAsync("/v1/nodes", new { requestId = $"seed-{id}", nodeId = id, kind = "NODE_KIND_BRANCH", name, parentId = "hq" });
            await api.PostAsync($"/v1/nodes/{id}/rosters", new
            {
                requestId = $"seed-roster-{id}", effectiveFrom = new { year = 2020, month = 1, day = 1 }, committeeMembers = 5, members = 8, votingMembers = 8,
            });
        }

        return api;
    }

    /// <summary>The gateway's JSON routes as the tenant's office (and a platform admin, to register the tenant).</summary>
    private sealed class OfficeApi : IAsyncDisposable
    {
        private readonly HttpClient _http;

        public OfficeApi(string address, string tenant)
        {
            Tenant = tenant;
            _http = new HttpClient { BaseAddress = new Uri(address) };
            var token = TestCredentials.Token("office-seed", [Grant.For(Role.TenantAdmin, tenant), Grant.Everywhere(Role.PlatformAdmin)]);
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            _http.DefaultRequestHeaders.Add(BranchLedgerClaims.TenantHeader, tenant);
        }

        public string Tenant { get; }

        public async Task<JsonElement> PostAsync(string path, object body)
        {
            using var response = await _http.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        public async Task<string> MeetingAsync(string node, string kind, DateOnly date, string topic, int attendees, int expected)
        {
            var answer = await PostAsync($"/v1/nodes/{node}/meetings", new
            {
                requestId = $"seed-{node}-{date:yyyyMMdd}-{kind}",
                meeting = new { kind, date = Day(date), topic, attendees, expectedAttendees = expected, firstAgendaItem = true },
            });
            return answer.GetProperty("record").GetProperty("recordId").GetString()!;
        }

        public Task AmendAsync(string node, string recordId, string reason, DateOnly date, string topic) =>
            PostAsync($"/v1/nodes/{node}/records/{recordId}:amend", new
            {
                requestId = $"amend-{node}-{recordId}",
                reason,
                replacement = new { meeting = new { kind = "MEETING_KIND_BRANCH_COMMITTEE_MEETING", date = Day(date), topic, attendees = 5, expectedAttendees = 5, firstAgendaItem = true } },
            });

        public async Task<string> ReviewStateAsync(string node, string recordId)
        {
            var answer = await _http.GetFromJsonAsync<JsonElement>($"/v1/nodes/{node}/records/{recordId}");
            return answer.GetProperty("review").GetProperty("state").GetString()!;
        }

        public async Task<int> CountAsync(string node)
        {
            var answer = await _http.GetFromJsonAsync<JsonElement>($"/v1/nodes/{node}/records?pageSize=500");
            return answer.TryGetProperty("records", out var records) ? records.GetArrayLength() : 0;
        }

        public ValueTask DisposeAsync()
        {
            _http.Dispose();
            return ValueTask.CompletedTask;
        }

        private static object Day(DateOnly date) => new { year = date.Year, month = date.Month, day = date.Day };
    }
}
