using BranchLedger.Contracts.Rankings;
using System.Text.RegularExpressions;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Rankings;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Browser.Tests;

/// <summary>The dashboard as a supervisor uses it, in headless Chromium; screenshots and downloads are kept as artefacts.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardPlatform platform, ITestOutputHelper output)
{
    /// <summary>Where screenshots and downloaded files go: BRANCHLEDGER_TEST_ARTEFACTS, or "screenshots" beside the tests.</summary>
    private static readonly string Artefacts = TestArtefacts.Folder;

    [Fact]
    public async Task A_supervisor_signs_in_sees_the_city_ranking_exports_it_compares_two_branches_opens_one_with_its_report_and_the_overview()
    {
        await platform.PushAsync(SmallCity.Scores("2022"));
        // The annual report is made from the branch's directory and records: the branch must exist there.
        await Nodes.EnsureAsync(platform.Grains, "tenant-a", "branch-a2", members: 8, tenantName: "市总工会");
        await Nodes.RegisterAsync(platform.Grains, "tenant-b", "市妇联");
        await Nodes.RegisterAsync(platform.Grains, "tenant-c", "市残联");
        await using var context = await platform.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.BaseAddress, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        // Console errors include Content-Security-Policy violations; refused reads the page reports itself are expected.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                scriptErrors.Add(message.Text);
            }
        };

        // The former dashboard address leads into the web app, whose development sign-in picks the role.
        await page.GotoAsync("/dashboard/");
        await Expect(page).ToHaveURLAsync(new Regex("/app/$"));
        await page.GetByLabel("姓名").FillAsync("city-supervisor");
        await page.GetByLabel("角色").SelectOptionAsync("supervisor");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("city-supervisor（市级督导）");
        await Expect(page).ToHaveURLAsync(new Regex("#/ranking$")); // a supervisor lands on the city ranking

        await page.FillAsync("input[name=period]", "2022");
        await page.ClickAsync("#ranking-filters button[type=submit]");
        var rows = page.Locator("#ranking tbody tr");
        await Expect(rows).ToHaveCountAsync(SmallCity.Order.Length);
        await Expect(rows.First).ToContainTextAsync("branch-b1");
        await Expect(rows.First.Locator("td").Nth(3)).ToHaveTextAsync("市妇联"); // the body's name, not its id
        await Expect(rows.First.Locator(".grade")).ToHaveClassAsync(new Regex("grade-good")); // the rubric's best band
        await Expect(rows.Last.Locator(".grade")).ToHaveClassAsync(new Regex("grade-poor"));
        await Expect(page.Locator("#ranking-status")).ToContainTextAsync("共 8 个支部");
        await ShotAsync(page, "ranking");

        // The ranking as shown, every page, as a workbook.
        var workbook = await DownloadAsync(page, "#export-ranking", "ranking-2022.xlsx");
        using (var book = SpreadsheetDocument.Open(workbook, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(book));
            var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet!;
            Assert.Equal(1 + SmallCity.Order.Length, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
        }

        await page.FillAsync("input[name=q]", "b2");
        await page.ClickAsync("#ranking-filters button[type=submit]");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator("td").Nth(1)).ToHaveTextAsync("5"); // ranks stay those of the whole ranking

        await page.FillAsync("input[name=q]", "");
        await page.ClickAsync("#ranking-filters button[type=submit]");
        await Expect(rows).ToHaveCountAsync(SmallCity.Order.Length);
        await page.CheckAsync("#ranking tr[data-tenant='tenant-b'][data-node='branch-b1'] input[type=checkbox]");
        await page.CheckAsync("#ranking tr[data-tenant='tenant-c'][data-node='branch-c2'] input[type=checkbox]");
        await page.ClickAsync("#compare");
        var columns = page.Locator("#comparison thead th");
        await Expect(columns).ToHaveCountAsync(3);
        await Expect(page.Locator("#comparison tbody tr").First).ToContainTextAsync("95.00");
        await Expect(page.Locator("#comparison tbody tr").First).ToContainTextAsync("40.00");
        // Drawn by ECharts, with its figures as a table: two bars, their values in the table.
        await Expect(page.Locator(".chart[data-chart=bar] svg")).ToBeVisibleAsync();
        await Expect(page.Locator(".chart-data tbody tr")).ToHaveCountAsync(2);
        await ShotAsync(page, "compare");

        await page.GoBackAsync();
        await page.ClickAsync("#ranking tr[data-tenant='tenant-a'][data-node='branch-a2'] a");
        await Expect(page.Locator("#summary")).ToContainTextAsync("3 / 8");
        await Expect(page.Locator("#trend .chart[data-chart=line] svg")).ToBeVisibleAsync();
        await ShotAsync(page, "branch");

        // Its annual report, as a Word file.
        var report = await DownloadAsync(page, "#export-report", "annual-report-branch-a2-2022.docx");
        using (var docx = WordprocessingDocument.Open(report, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(docx));
            Assert.Contains("述职报告", docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        await page.GotoAsync("/app/#/overview?period=2022");
        await Expect(page.Locator("#leaderboard tbody tr")).ToHaveCountAsync(3);
        var leader = page.Locator("#leaderboard tbody tr").First.Locator("td");
        await Expect(leader.Nth(1)).ToHaveTextAsync("市总工会"); // tenants by name, not id
        await Expect(leader.Nth(3)).ToHaveTextAsync("83.33"); // (90 + 80 + 80) / 3
        await Expect(page.Locator("#distribution .chart[data-chart=bar] svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#distribution .chart-data tbody tr")).ToHaveCountAsync(10);
        await ShotAsync(page, "overview");

        // The session is an HttpOnly cookie the page's scripts cannot read; signing out ends it on the server too.
        Assert.DoesNotContain("branchledger.session", await page.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);
        await page.ClickAsync("#sign-out");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        var answer = await page.APIRequest.GetAsync("/v1/access/caller");
        Assert.Equal(401, answer.Status);
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task The_ranking_page_shows_a_new_score_by_push_without_polling_or_reloading()
    {
        // Tenants of its own: the gateway caches tenant names for a minute, and the other tests name theirs.
        BranchScore[] city = [Score("tenant-p1", "branch-p1", "2021", 88), Score("tenant-p1", "branch-p2", "2021", 75), Score("tenant-p2", "branch-p3", "2021", 60)];
        await platform.PushAsync(city);
        await using var context = await platform.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.BaseAddress, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var listings = 0;
        var streams = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/v1/rankings/2021/branches", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref listings);
            }
            else if (request.Url.Contains("/v1/rankings/2021/events", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref streams);
            }
        };
        await page.GotoAsync("/app/");
        await page.GetByLabel("姓名").FillAsync("city-supervisor");
        await page.GetByLabel("角色").SelectOptionAsync("supervisor");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("city-supervisor");
        await page.GotoAsync("/app/#/ranking?period=2021");
        var rows = page.Locator("#ranking tbody tr");
        await Expect(rows).ToHaveCountAsync(city.Length);
        await Expect(rows.First).ToContainTextAsync("branch-p1");
        await page.EvaluateAsync("window.__notReloaded = true");

        // Nothing changes for 5 s: nothing is read (the page polled every 2 s before).
        var before = Volatile.Read(ref listings);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(before, Volatile.Read(ref listings));

        // A new leader is pushed: the page shows it by itself, in the same document.
        await platform.PushAsync([Score("tenant-p2", "branch-pushed", "2021", 99.5)]);
        await Expect(rows.First).ToContainTextAsync("branch-pushed", new() { Timeout = 15_000 });
        await Expect(rows).ToHaveCountAsync(city.Length + 1);
        await Expect(page.Locator("#ranking-status")).ToContainTextAsync($"共 {city.Length + 1} 个支部");
        Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"));
        Assert.Equal(1, Volatile.Read(ref streams)); // one stream, kept open
    }

    [Fact]
    public async Task A_development_sign_in_that_does_not_fit_the_role_is_refused_with_a_message_and_nothing_is_shown()
    {
        await using var context = await platform.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.BaseAddress });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/app/");
        await page.GetByLabel("姓名").FillAsync("某书记");
        await page.GetByLabel("角色").SelectOptionAsync("branch-secretary");
        await page.GetByLabel("支部代码").FillAsync(""); // a secretary names their branches
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.Locator("#sign-in-error")).ToContainTextAsync("登录失败");
        await Expect(page.Locator("#who")).ToBeEmptyAsync();
        Assert.Equal(401, (await page.APIRequest.GetAsync("/v1/access/caller")).Status);
    }

    /// <summary>Clicks an export button, saves the file it downloads among the artefacts and returns its path.</summary>
    private async Task<string> DownloadAsync(IPage page, string button, string expectedName)
    {
        var path = await TestArtefacts.DownloadAsync(page, button, expectedName, output);
        // Office files are zip packages: the local file header's signature first.
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), (await File.ReadAllBytesAsync(path))[..4]);
        return path;
    }

    private async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Artefacts);
        var path = Path.Combine(Artefacts, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine("screenshot: " + path);
    }
}
