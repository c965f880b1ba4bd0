using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// The supervisors' pages (the city ranking and the overview, fed by server-sent events) on a phone and a
/// desktop, with the checks every page gets: no script or CSP error, no sideways scrolling at 360×740,
/// no serious accessibility violation, and bodies shown by their Chinese names.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SupervisorPagesTests(DashboardPlatform platform)
{
    [Theory]
    [InlineData(Screen.Phone)]
    [InlineData(Screen.Desktop)]
    public async Task The_ranking_and_the_overview_pass_the_page_checks(Screen screen)
    {
        // Tenants and a period of their own: the gateway caches tenant names, and the other tests name theirs.
        await Nodes.RegisterAsync(platform.Grains, "tenant-s1", "市文联");
        await Nodes.RegisterAsync(platform.Grains, "tenant-s2", "市科协");
        await platform.PushAsync([Score("tenant-s1", "branch-s1", "2020", 91), Score("tenant-s1", "branch-s2", "2020", 77), Score("tenant-s2", "branch-s3", "2020", 64)]);
        await using var session = await WebSession.OpenAsync(platform, screen);
        await session.SignInAsync("city-supervisor", "supervisor");

        await session.Page.GotoAsync("/app/#/ranking?period=2020");
        var rows = session.Page.Locator("#ranking tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First).ToContainTextAsync("市文联");
        await session.CheckPageAsync("supervisor-ranking");

        await session.Page.GotoAsync("/app/#/overview?period=2020");
        await Expect(session.Page.Locator("#leaderboard tbody tr")).ToHaveCountAsync(2);
        await Expect(session.Page.Locator("#leaderboard tbody tr").First).ToContainTextAsync("市文联");
        await session.CheckPageAsync("supervisor-overview");
    }
}
