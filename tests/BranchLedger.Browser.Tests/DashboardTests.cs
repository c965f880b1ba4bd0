using BranchLedger.Integration.Tests.Rankings;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BranchLedger.Browser.Tests;

/// <summary>The dashboard as a supervisor uses it, in headless Chromium; screenshots are kept as artefacts.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardPlatform platform)
{
    /// <summary>Where screenshots go: BRANCHLEDGER_TEST_ARTEFACTS, or "screenshots" beside the tests.</summary>
    private static readonly string Artefacts = Environment.GetEnvironmentVariable("BRANCHLEDGER_TEST_ARTEFACTS") is { Length: > 0 } folder
        ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task A_supervisor_signs_in_sees_the_city_ranking_searches_it_compares_two_branches_opens_one_and_the_overview()
    {
        await platform.PushAsync(SmallCity.Scores("2022"));
        await using var context = await platform.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.BaseAddress, Locale = "zh-CN" });
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

        await page.GotoAsync("/dashboard/");
        await page.FillAsync("#token", DashboardPlatform.SupervisorToken);
        await page.ClickAsync("#sign-in button[type=submit]");
        await Expect(page.Locator("#who")).ToContainTextAsync("city-supervisor");

        await page.FillAsync("input[name=period]", "2022");
        await page.ClickAsync("#ranking-filters button[type=submit]");
        var rows = page.Locator("#ranking tbody tr");
        await Expect(rows).ToHaveCountAsync(SmallCity.Order.Length);
        await Expect(rows.First).ToContainTextAsync("branch-b1");
        await Expect(page.Locator("#ranking-status")).ToContainTextAsync("共 8 个支部");
        await ShotAsync(page, "ranking");

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
        await Expect(page.Locator("svg.chart rect.bar")).ToHaveCountAsync(2);
        await ShotAsync(page, "compare");

        await page.GoBackAsync();
        await page.ClickAsync("#ranking tr[data-tenant='tenant-a'][data-node='branch-a2'] a");
        await Expect(page.Locator("#summary")).ToContainTextAsync("3 / 8");
        await Expect(page.Locator("#trend svg.chart")).ToBeVisibleAsync();
        await ShotAsync(page, "branch");

        await page.GotoAsync("/dashboard/#/overview?period=2022");
        await Expect(page.Locator("#leaderboard tbody tr")).ToHaveCountAsync(3);
        var leader = page.Locator("#leaderboard tbody tr").First.Locator("td");
        await Expect(leader.Nth(1)).ToHaveTextAsync("tenant-a");
        await Expect(leader.Nth(3)).ToHaveTextAsync("83.33"); // (90 + 80 + 80) / 3
        await Expect(page.Locator("#distribution svg.chart rect.bar")).ToHaveCountAsync(10);
        await ShotAsync(page, "overview");

        // The token lives in the tab's session only: signing out forgets it.
        await page.ClickAsync("#sign-out");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('branchledger.token')"));
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task A_bad_token_is_refused_with_a_message_and_nothing_is_shown()
    {
        await using var context = await platform.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.BaseAddress });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/dashboard/");
        await page.FillAsync("#token", "not-a-token");
        await page.ClickAsync("#sign-in button[type=submit]");

        await Expect(page.Locator("#sign-in-error")).ToContainTextAsync("令牌无效");
        await Expect(page.Locator("#ranking")).ToHaveCountAsync(0);
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Artefacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artefacts, name + ".png"), FullPage = true });
    }
}
