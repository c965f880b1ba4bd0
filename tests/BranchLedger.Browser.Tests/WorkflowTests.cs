using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// The workflows a branch follows in the web app: a finding raised, progressed and closed (销号) only by
/// another person holding the verifier right; a record the party office returned, answered by a correction.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WorkflowTests(DashboardPlatform platform)
{
    private const string Branch = WebBody.Branch;

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_finding_is_raised_and_progressed_by_the_secretary_and_closed_only_by_a_verifier(Screen screen)
    {
        var tenant = await WebBody.SeedAsync(platform, $"wf-finding-{screen.ToString().ToLowerInvariant()}");
        await using var secretary = await WebSession.OpenAsync(platform, screen);
        var page = secretary.Page;
        await secretary.SignInAsync("李华", "branch-secretary", tenant, Branch);

        await page.GotoAsync($"/app/#/tasks/{Branch}");
        await page.Locator("#raise-finding").ClickAsync();
        await page.GetByLabel("问题编号", new() { Exact = true }).FillAsync("f-2026-1");
        await page.GetByLabel("问题来源", new() { Exact = true }).FillAsync("2026 年市委第一轮巡察");
        await page.GetByLabel("问题描述", new() { Exact = true }).FillAsync("三会一课记录不规范");
        await page.GetByLabel("整改措施", new() { Exact = true }).FillAsync("规范会议记录\n每月检查一次");
        await page.GetByLabel("责任人", new() { Exact = true }).FillAsync("李华");
        await page.GetByLabel("整改类型", new() { Exact = true }).SelectOptionAsync("REMEDIATION_TYPE_BY_DEADLINE");
        await page.GetByLabel("整改时限", new() { Exact = true }).FillAsync(DateTime.Now.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await secretary.CheckPageAsync("finding-form");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#form-status")).ToContainTextAsync("已记录");

        await page.GotoAsync($"/app/#/tasks/{Branch}");
        var finding = page.Locator("#findings li[data-finding='f-2026-1']");
        await Expect(finding).ToContainTextAsync("整改中");
        await secretary.CheckPageAsync("work");
        await finding.GetByRole(AriaRole.Link, new() { Name = "整改进展" }).ClickAsync();
        await page.GetByLabel("整改进展", new() { Exact = true }).FillAsync("已制定会议记录模板");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#form-status")).ToContainTextAsync("已记录");

        // The secretary holds no verifier right: closing is refused and nothing changes.
        await page.GotoAsync($"/app/#/tasks/{Branch}");
        await finding.GetByRole(AriaRole.Link, new() { Name = "整改销号" }).ClickAsync();
        await page.GetByLabel("核验人", new() { Exact = true }).FillAsync("李华");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#form-errors")).ToContainTextAsync("提交失败");
        await page.GotoAsync($"/app/#/tasks/{Branch}");
        await Expect(finding).ToContainTextAsync("整改中");
        await Expect(finding).ToContainTextAsync("已制定会议记录模板");

        // Another person with the verifier right closes it.
        await using var verifier = await WebSession.OpenAsync(platform, screen);
        await verifier.SignInAsync("王敏", "verifier", tenant, Branch);
        await verifier.Page.GotoAsync($"/app/#/tasks/{Branch}");
        var seen = verifier.Page.Locator("#findings li[data-finding='f-2026-1']");
        await seen.GetByRole(AriaRole.Link, new() { Name = "整改销号" }).ClickAsync();
        await verifier.Page.GetByLabel("核验人", new() { Exact = true }).FillAsync("王敏");
        await verifier.Page.Locator("#submit").ClickAsync();
        await Expect(verifier.Page.Locator("#form-status")).ToContainTextAsync("已记录");
        await verifier.Page.GotoAsync($"/app/#/tasks/{Branch}");
        await Expect(seen).ToContainTextAsync("已销号");
        await verifier.CheckPageAsync("work-closed");
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_record_the_party_office_returned_is_seen_by_the_secretary_and_answered_by_a_correction(Screen screen)
    {
        var tenant = await WebBody.SeedAsync(platform, $"wf-return-{screen.ToString().ToLowerInvariant()}");
        await using var secretary = await WebSession.OpenAsync(platform, screen);
        var page = secretary.Page;
        await secretary.SignInAsync("李华", "branch-secretary", tenant, Branch);
        await page.GotoAsync($"/app/#/new/{Branch}/meeting?preset=theme-day");
        await page.GetByLabel("主题", new() { Exact = true }).FillAsync("重温入党誓词");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#form-status")).ToContainTextAsync("已记录");
        var recordId = (await page.Locator("#form-status a").First.GetAttributeAsync("href"))!.Split('/')[^1];

        // The party office returns it with a reason (its review page is tested on its own).
        await using var office = await WebSession.OpenAsync(platform, Screen.Desktop);
        await office.SignInAsync("党办小张", "tenant-admin", tenant);
        var csrf = await office.Page.EvaluateAsync<string>("fetch('/app/session').then(r => r.json()).then(s => s.csrf)");
        var returned = await office.Page.APIRequest.PostAsync($"/v1/nodes/{Branch}/records/{recordId}:review", new()
        {
            Headers = new Dictionary<string, string> { ["x-branchledger-csrf"] = csrf },
            DataObject = new { requestId = $"return-{recordId}", verdict = "REVIEW_VERDICT_RETURNED", reason = "请补充参加人数" },
        });
        Assert.Equal(200, returned.Status);

        // The secretary sees it on the home page with the reason, opens it and answers by amending.
        await page.GotoAsync("/app/#/home");
        var item = page.Locator("#returned li");
        await Expect(item).ToContainTextAsync("请补充参加人数");
        await item.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#review-state")).ToContainTextAsync("已退回");
        await secretary.CheckPageAsync("record-returned");
        await page.Locator("#amend-open").ClickAsync();
        await page.Locator("#amend-form").GetByLabel("实到人数", new() { Exact = true }).FillAsync("7");
        await page.Locator("#amend-form").GetByLabel("应到人数", new() { Exact = true }).FillAsync("8");
        await page.Locator("#amend-reason").FillAsync("按党办意见补充参加人数");
        await page.Locator("#amend-form #submit").ClickAsync();
        await Expect(page.Locator("#review-state")).ToContainTextAsync("已答复");
        await Expect(page.Locator("#history")).ToContainTextAsync("按党办意见补充参加人数");
        await Expect(page.Locator("#record-fields")).ToContainTextAsync("7");

        await page.GotoAsync("/app/#/home");
        await Expect(page.Locator("#returned")).ToContainTextAsync("没有退回的记录");
    }
}
