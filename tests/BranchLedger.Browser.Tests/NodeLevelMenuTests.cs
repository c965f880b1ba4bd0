using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// The record menus follow the catalogue's node levels: a 党小组 is offered its 党小组会 but no 发文 and no
/// 支委会, and its meeting form lists no 党组会; its branch is offered 发文 and 支委会.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class NodeLevelMenuTests(DashboardPlatform platform)
{
    private const string Group = "office-group-1";

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_small_groups_menu_offers_no_document_while_its_branchs_does(Screen screen)
    {
        var tenant = await WebBody.SeedAsync(platform, screen == Screen.Phone ? "ws-levels-phone" : "ws-levels");
        await platform.Grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).CreateNode(new DirectoryCommand<NodeCreated>
        {
            RequestId = "g1", RecordedBy = "party-office",
            Change = new NodeCreated { NodeId = Group, Kind = NodeKind.SmallGroup, Name = "第一党小组", ParentId = WebBody.Branch },
        });
        await using var session = await WebSession.OpenAsync(platform, screen);
        var page = session.Page;
        await session.SignInAsync("李华", "branch-secretary", tenant, $"{WebBody.Branch},{Group}");

        await page.GotoAsync($"/app/#/home/{Group}");
        await Expect(page.Locator("#branch-name")).ToContainTextAsync("第一党小组");
        await Expect(page.Locator("#other-kinds a[href$='/meeting']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#other-kinds a[href$='/document-issued']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#other-kinds a[href$='/quarterly-review']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#quick-record")).ToContainTextAsync("记录党小组会");
        await Expect(page.Locator("#quick-record")).Not.ToContainTextAsync("记录支委会");
        await session.CheckPageAsync($"node-levels-group-{screen}");

        // The meeting form lists only the meeting kinds a small group holds.
        await page.GotoAsync($"/app/#/new/{Group}/meeting");
        var kinds = page.Locator(".field[data-field='meeting.kind'] select option");
        await Expect(kinds.Filter(new() { HasText = "党小组会" })).ToHaveCountAsync(1);
        await Expect(kinds.Filter(new() { HasText = "党组会" })).ToHaveCountAsync(0);
        await Expect(kinds.Filter(new() { HasText = "支委会" })).ToHaveCountAsync(0);

        // A link kept from elsewhere opens no form for a kind the level does not hold.
        await page.GotoAsync($"/app/#/new/{Group}/document-issued");
        await Expect(page.Locator("#kind-not-here")).ToContainTextAsync("不记录“发文”");
        await Expect(page.Locator("#record-form")).ToHaveCountAsync(0);
        await session.CheckPageAsync($"node-levels-refused-{screen}");

        await page.GotoAsync($"/app/#/home/{WebBody.Branch}");
        await Expect(page.Locator("#branch-name")).ToContainTextAsync("机关党支部");
        await Expect(page.Locator("#other-kinds a[href$='/document-issued']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#other-kinds a[href$='/quarterly-review']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#quick-record")).ToContainTextAsync("记录支委会");
        await session.CheckPageAsync($"node-levels-branch-{screen}");
    }
}
