using BranchLedger.Contracts;
using BranchLedger.Contracts.Reports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// 报告模板 in a real browser: the party office writes the year's preamble, rewords a paragraph of the
/// annual report, previews it against last year's records, adopts it as a version; a draft the rules
/// refuse is shown at its field and stores nothing. What the page says it did is checked in the grain.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ReportTemplatePageTests(DashboardPlatform platform)
{
    private const string Opening = "sections[1].paragraphs[0]";

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task The_office_writes_the_preamble_rewords_a_paragraph_previews_and_adopts_it_and_a_bad_draft_is_refused_at_its_field(Screen screen)
    {
        var tenant = await WebBody.SeedAsync(platform, $"tpl-{(screen == Screen.Desktop ? "d" : "p")}-{Guid.NewGuid().ToString("N")[..6]}");
        var templates = platform.Grains.GetGrain<IReportTemplateGrain>(GrainKeys.Tenant(tenant));
        var lastYear = DateTime.Now.Year - 1;

        await using var s = await WebSession.OpenAsync(platform, screen);
        await s.SignInAsync("office-admin", "tenant-admin", tenant);
        var page = s.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "报告模板" }).ClickAsync();
        await Expect(page.Locator("#template-versions tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#template-versions")).ToContainTextAsync("平台默认模板");
        await Expect(page.Locator("#template-versions")).ToContainTextAsync("现行");
        await Expect(page.Locator($"[data-path='{Opening}'] textarea")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^\\{year\\}年，"));
        await Expect(page.Locator("#preamble-status")).ToHaveTextAsync("本年度尚未填写导语。");
        await s.CheckPageAsync("templates");

        // The year's preamble: plain text, stored for the chosen year.
        await Expect(page.Locator("#preamble-year")).ToHaveValueAsync(lastYear.ToString());
        await page.GetByLabel("导语", new() { Exact = true }).FillAsync("全面学习贯彻党的二十大精神<b>之年</b>。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存导语" }).ClickAsync();
        await Expect(page.Locator("#preamble-status")).ToContainTextAsync("已保存");
        Assert.Equal("全面学习贯彻党的二十大精神<b>之年</b>。", (await templates.GetPreamble(lastYear))?.Text);

        // A paragraph reworded; 预览 saves the draft first, then shows last year's report in its words.
        await page.Locator($"[data-path='{Opening}'] textarea").FillAsync("{year}年，{organisation}坚持抓基层、打基础。");
        await Expect(page.Locator("#draft-state")).ToHaveTextAsync("有未保存的修改。");
        await Expect(page.Locator("#draft-adopt")).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(page.Locator("#draft-preview")).ToContainTextAsync($"{lastYear}年，市妇女联合会坚持抓基层、打基础。");
        // Shown as a page (headings, paragraphs, tables), the office's text as itself: never markup, never escaped.
        await Expect(page.Locator("#draft-preview")).ToContainTextAsync("全面学习贯彻党的二十大精神<b>之年</b>。");
        await Expect(page.Locator("#draft-preview b")).ToHaveCountAsync(0);
        await Expect(page.Locator("#draft-preview h5").First).ToHaveTextAsync("一、主要做法和成效");
        await Expect(page.Locator("#draft-preview table").First).ToContainTextAsync("机关党支部");
        await Expect(page.Locator("#draft-state")).ToHaveTextAsync("草稿第 1 稿已预览，可以采用。");
        Assert.Equal(1, (await templates.GetDraft())?.Revision);
        Assert.Empty(await templates.ListVersions()); // previewing adopts nothing
        await s.CheckPageAsync("templates-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "采用为新版本" }).ClickAsync();
        await Expect(page.Locator("#draft-notice")).ToContainTextAsync("已采用为第 1 版");
        await Expect(page.Locator("#template-versions tbody tr[data-version='1']")).ToContainTextAsync("现行");
        var adopted = Assert.Single(await templates.ListVersions());
        Assert.Contains("{organisation}坚持抓基层、打基础。", adopted.Json);

        // A placeholder the report does not know: refused beside the title, and nothing is stored.
        await page.GetByLabel("报告标题").FillAsync("{meetings.unknown}述职报告");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        var title = page.Locator(".field[data-path='title']");
        await Expect(title.Locator(".field-error")).Not.ToBeEmptyAsync();
        await Expect(title.Locator("input")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(title.Locator("input")).ToBeFocusedAsync();
        await Expect(page.Locator("#draft-notice")).ToContainTextAsync("草稿未保存");
        Assert.Null(await templates.GetDraft()); // adopting used the draft up; the refused one was not stored
        Assert.Single(await templates.ListVersions());
        await s.CheckPageAsync("templates-refused");

        // With no draft stored, the page starts from the version in force; a version can be loaded by hand too.
        await page.ReloadAsync();
        await Expect(page.Locator("#draft-notice")).ToContainTextAsync("已载入第 1 版");
        await Expect(page.Locator($"[data-path='{Opening}'] textarea")).ToHaveValueAsync("{year}年，{organisation}坚持抓基层、打基础。");
        await Expect(page.GetByLabel("报告标题")).Not.ToBeFocusedAsync(); // loading on arrival does not move the focus
        await page.Locator("#template-versions tbody tr[data-version='1']").GetByRole(AriaRole.Button, new() { Name = "载入草稿编辑" }).ClickAsync();
        await Expect(page.GetByLabel("报告标题")).ToBeFocusedAsync();
    }
}
