using System.Diagnostics;
using System.Text.RegularExpressions;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// A branch secretary at work in the web app, on a desktop and on a phone: lands on their branch,
/// records a 支委会 from its preset (attendance ticked from the roster), sees the obligation met and
/// the score move; a double submit records once; a wrong count is shown at its field with the form
/// kept; a sibling branch is out of reach, in the page and through the API.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SecretaryTests(DashboardPlatform platform, ITestOutputHelper output)
{
    private const string Branch = WebBody.Branch;
    private const string Sibling = WebBody.Sibling;

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_secretary_records_a_branch_committee_meeting_once_and_sees_the_obligation_met_and_the_score_change(Screen screen)
    {
        var tenant = await SeedAsync(screen);
        await using var session = await WebSession.OpenAsync(platform, screen);
        var page = session.Page;
        var clock = Stopwatch.StartNew();
        await session.SignInAsync("李华", "branch-secretary", tenant, Branch);

        // Home: the branch by name, this month's 支委会 still to do.
        await Expect(page.Locator("#branch-name")).ToHaveTextAsync("机关党支部");
        var committee = page.Locator("#month li[data-obligation='支委会']");
        await Expect(committee).ToHaveAttributeAsync("data-status", "待完成");
        await Expect(page.Locator("#score-total b")).Not.ToHaveTextAsync("");
        var scoreBefore = await page.Locator("#score-total b").TextContentAsync();
        await session.CheckPageAsync("secretary-home");
        // The home page's weight and first load on loopback, for the record (not asserted: the machine is shared).
        var weight = await page.EvaluateAsync<double[]>(@"() => {
            const entries = performance.getEntriesByType('resource');
            const nav = performance.getEntriesByType('navigation')[0];
            return [entries.reduce((n, e) => n + (e.decodedBodySize || 0), 0) + (nav?.decodedBodySize || 0), entries.length + 1, nav ? nav.loadEventEnd - nav.startTime : -1];
        }");
        output.WriteLine($"{screen}: home page {weight[0] / 1024:F1} KiB in {weight[1]} requests, load event after {weight[2]:F0} ms");

        // The preset opens the 支委会 form: date today, the committee from the roster, the count from the ticks.
        await page.GetByRole(AriaRole.Link, new() { Name = "记录支委会" }).ClickAsync();
        await Expect(page.GetByLabel("日期", new() { Exact = true })).ToHaveValueAsync(DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#attendance .person")).ToHaveCountAsync(3);
        await page.GetByLabel("主题", new() { Exact = true }).FillAsync("学习贯彻全会精神");
        // The draft (with its request id) survives a reload.
        await page.ReloadAsync();
        await Expect(page.GetByLabel("主题", new() { Exact = true })).ToHaveValueAsync("学习贯彻全会精神");
        await page.Locator("#attendance input[data-name='张强']").UncheckAsync();
        await page.GetByLabel("张强缺席原因").SelectOptionAsync("ABSENCE_REASON_SICK_LEAVE");
        await Expect(page.Locator("#attendance-tally")).ToHaveTextAsync("应到 3 人，实到 2 人，缺席 1 人。");
        await page.GetByLabel("第一议题", new() { Exact = true }).CheckAsync();
        await session.CheckPageAsync("secretary-form");

        // A double tap sends once; that send reaches the gateway but its answer is lost (a dropped
        // connection), so the form offers to try again; the retry carries the same request id and the
        // gateway answers with the original record: one meeting in the ledger.
        var dropped = 0;
        await page.RouteAsync("**/v1/nodes/*/meetings", async route =>
        {
            if (Interlocked.Increment(ref dropped) == 1)
            {
                var reached = await route.FetchAsync();
                Assert.Equal(200, reached.Status); // recorded by the gateway…
                await route.AbortAsync("connectionreset"); // …but the page never hears of it
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await page.EvaluateAsync("() => { const b = document.querySelector('#submit'); b.click(); b.click(); }");
        await Expect(page.Locator("#form-errors")).ToContainTextAsync("提交失败");
        await Expect(page.GetByLabel("主题", new() { Exact = true })).ToHaveValueAsync("学习贯彻全会精神");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#form-status")).ToContainTextAsync("此前已提交");
        Assert.Equal(2, dropped);
        output.WriteLine($"{screen}: sign-in to recorded 支委会 in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(1, await CountMeetingsAsync(page, Branch));
        // The counts followed from the ticks; the tenant keeps counts only (its default), so no name left the page.
        var stored = await (await page.APIRequest.GetAsync($"/v1/nodes/{Branch}/records?kind=meeting")).JsonAsync();
        var meeting = stored!.Value.GetProperty("records")[0].GetProperty("meeting");
        Assert.Equal(2, meeting.GetProperty("attendees").GetInt32());
        Assert.Equal(3, meeting.GetProperty("expectedAttendees").GetInt32());
        Assert.True(meeting.GetProperty("firstAgendaItem").GetBoolean());
        var absence = Assert.Single(meeting.GetProperty("absences").EnumerateArray());
        Assert.Equal("ABSENCE_REASON_SICK_LEAVE", absence.GetProperty("reason").GetString());
        Assert.DoesNotContain("张强", meeting.GetRawText(), StringComparison.Ordinal);

        // Back home: the obligation is met, and the score has moved.
        await page.Locator("#back-home").ClickAsync();
        await Expect(committee).ToHaveAttributeAsync("data-status", "已落实", new() { Timeout = 15_000 });
        await ExpectScoreChangedAsync(page, scoreBefore);
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_wrong_attendee_count_is_shown_at_its_field_and_the_form_keeps_what_was_typed(Screen screen)
    {
        var tenant = await SeedAsync(screen, "count");
        await using var session = await WebSession.OpenAsync(platform, screen);
        var page = session.Page;
        await session.SignInAsync("李华", "branch-secretary", tenant, Branch);
        await page.GotoAsync($"/app/#/new/{Branch}/meeting");
        await page.GetByLabel("类型", new() { Exact = true }).SelectOptionAsync("MEETING_KIND_MEMBERS_FORUM");
        await page.GetByLabel("主题", new() { Exact = true }).FillAsync("座谈交流");
        await page.GetByLabel("实到人数", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("应到人数", new() { Exact = true }).FillAsync("5");
        await page.Locator("#submit").ClickAsync();

        var field = page.Locator(".field[data-field='meeting.attendees']");
        await Expect(field.Locator(".field-error")).ToContainTextAsync("应到");
        await Expect(field.Locator("input")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("主题", new() { Exact = true })).ToHaveValueAsync("座谈交流");
        await session.CheckPageAsync("secretary-form-error");
        Assert.Equal(0, await CountMeetingsAsync(page, Branch));
    }

    [Fact]
    public async Task A_secretary_cannot_open_a_sibling_branch_in_the_page_or_through_the_api()
    {
        var tenant = await SeedAsync(Screen.Desktop, "sibling");
        await using var session = await WebSession.OpenAsync(platform, Screen.Desktop);
        var page = session.Page;
        await session.SignInAsync("李华", "branch-secretary", tenant, Branch);

        await page.GotoAsync($"/app/#/home/{Sibling}");
        await Expect(page.Locator("#month [role=alert]")).ToContainTextAsync("读取失败");
        await Expect(page.Locator("#month li")).ToHaveCountAsync(0);

        var csrf = await page.EvaluateAsync<string>("fetch('/app/session').then(r => r.json()).then(s => s.csrf)");
        var write = await page.APIRequest.PostAsync($"/v1/nodes/{Sibling}/meetings", new()
        {
            Headers = new Dictionary<string, string> { ["x-branchledger-csrf"] = csrf },
            DataObject = new { requestId = "sibling-1", meeting = new { kind = "MEETING_KIND_BRANCH_COMMITTEE_MEETING", date = new { year = DateTime.Now.Year, month = DateTime.Now.Month, day = DateTime.Now.Day }, topic = "越权", attendees = 1, expectedAttendees = 3 } },
        });
        Assert.Equal(403, write.Status);
        var read = await page.APIRequest.GetAsync($"/v1/nodes/{Sibling}/records");
        Assert.Equal(403, read.Status);

        // And without the session's anti-forgery value even their own branch refuses a write.
        var forged = await page.APIRequest.PostAsync($"/v1/nodes/{Branch}/meetings", new()
        {
            DataObject = new { requestId = "no-csrf-1", meeting = new { kind = "MEETING_KIND_BRANCH_COMMITTEE_MEETING", topic = "无校验" } },
        });
        Assert.Equal(403, forged.Status);
    }

    private static async Task<int> CountMeetingsAsync(IPage page, string node)
    {
        var answer = await page.APIRequest.GetAsync($"/v1/nodes/{node}/records?kind=meeting&pageSize=500");
        Assert.Equal(200, answer.Status);
        var json = await answer.JsonAsync();
        return json?.TryGetProperty("records", out var records) == true ? records.GetArrayLength() : 0;
    }

    // The ledger pushes its new score to the rankings; the home page shows it when read again.
    private static async Task ExpectScoreChangedAsync(IPage page, string? before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var now = await page.Locator("#score-total b").TextContentAsync();
            if (now != before && now is not null && Regex.IsMatch(now, @"^\d+\.\d\d$"))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the score stayed {before}");
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
    }

    private Task<string> SeedAsync(Screen screen, string purpose = "record") => WebBody.SeedAsync(platform, $"ws-{purpose}-{screen.ToString().ToLowerInvariant()}");
}
