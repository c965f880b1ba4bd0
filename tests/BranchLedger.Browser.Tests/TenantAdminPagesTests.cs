using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using NodeKind = BranchLedger.Domain.Directory.NodeKind;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// The tenant admin's pages (组织与名册, 人员与授权) in a real browser: the admin adds a branch, records
/// its roster, tightens an obligation, binds a secretary to the branch by name, issues and revokes an
/// API key; then that secretary signs in with no role claimed and the stored binding lets them record.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TenantAdminPagesTests(DashboardPlatform platform)
{
    private const string BranchName = "机关第一党支部";

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_tenant_admin_adds_a_branch_sets_its_roster_binds_its_secretary_who_can_then_record(Screen screen)
    {
        // A fresh tenant per run: its tree holds a root organisation only, so the branch is the admin's.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var tenant = $"adm-{suffix}";
        var branch = $"office-branch-{suffix}";
        var secretary = $"王书记{suffix}";
        await Nodes.RegisterAsync(platform.Grains, tenant, "市科学技术协会");
        await platform.Grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).CreateNode(new DirectoryCommand<NodeCreated>
        {
            RequestId = "root", RecordedBy = "party-office",
            Change = new NodeCreated { NodeId = "party-committee", Kind = NodeKind.Organisation, Name = "机关党委" },
        });

        await using (var admin = await WebSession.OpenAsync(platform, screen))
        {
            await admin.SignInAsync($"admin-{suffix}", "tenant-admin", tenant);
            var page = admin.Page;

            // The tree, with the tenant's name.
            await page.GetByRole(AriaRole.Link, new() { Name = "组织与名册" }).ClickAsync();
            await Expect(page.Locator("#tenant-profile")).ToContainTextAsync("市科学技术协会（人民团体）");
            await Expect(page.Locator("#tree")).ToContainTextAsync("机关党委");
            await Expect(page.Locator("#obligation-rules")).ToContainTextAsync("支部党员大会");
            await admin.CheckPageAsync("directory");

            // A branch under the organisation: a node id is suggested, a bad one is refused at its field.
            await page.Locator("#tree").GetByRole(AriaRole.Link, new() { Name = "机关党委" }).ClickAsync();
            await Expect(page.Locator("#node-title")).ToHaveTextAsync("机关党委");
            await page.ClickAsync("#add-child");
            await Expect(page.Locator("#new-kind")).ToHaveValueAsync("NODE_KIND_BRANCH");
            await page.GetByLabel("名称", new() { Exact = true }).FillAsync(BranchName);
            await Expect(page.Locator("#new-node-id")).ToHaveValueAsync(new Regex("^branch"));
            await page.Locator("#new-node-id").FillAsync("1-bad");
            await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
            await Expect(page.Locator("#new-node-id-error")).ToContainTextAsync("小写英文字母");
            await Expect(page.Locator("#new-node-id")).ToHaveAttributeAsync("aria-invalid", "true");
            await page.Locator("#new-node-id").FillAsync(branch);
            await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"#/directory\\?node={branch}$"));
            await Expect(page.Locator("#node-title")).ToHaveTextAsync(BranchName);
            await Expect(page.Locator("#tree li[data-node=party-committee] li[data-node=" + branch + "]")).ToContainTextAsync("党支部");
            await Expect(page.Locator("#roster-history")).ToContainTextAsync("尚未登记名册");

            // Its roster from a day on.
            await page.Locator("#roster-from").FillAsync("2026-01-01");
            await page.GetByLabel("书记姓名", new() { Exact = true }).FillAsync(secretary);
            await page.GetByLabel("党员人数", new() { Exact = true }).FillAsync("25");
            await page.GetByLabel("有表决权的正式党员人数", new() { Exact = true }).FillAsync("23");
            await page.GetByLabel("委员人数", new() { Exact = true }).FillAsync("7");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存名册" }).ClickAsync();
            await Expect(page.Locator("#directory-status")).ToHaveTextAsync("名册已登记。");
            var entry = page.Locator("#roster-history tbody tr");
            await Expect(entry).ToHaveCountAsync(1);
            await Expect(entry.First).ToContainTextAsync("2026-01-01");
            await Expect(entry.First).ToContainTextAsync(secretary);
            await admin.CheckPageAsync("directory-branch");

            // A stricter local rule: the theory study group four times a quarter from next year.
            await page.Locator("#obligations-slot summary", new() { HasText = "新增加严规定" }).ClickAsync();
            await page.Locator("#override-rule").SelectOptionAsync("theory-study-group");
            await page.Locator("#override-source").FillAsync("本单位党委〔2026〕3号");
            await page.Locator("#override-count").FillAsync("3");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存加严规定" }).ClickAsync();
            await Expect(page.Locator("#obligations-status")).ToContainTextAsync("已保存");
            await Expect(page.Locator("#overrides")).ToContainTextAsync("理论学习中心组学习：每期至少 3 次");
            await Expect(page.Locator("#obligation-rules li[data-rule=theory-study-group]", new() { HasText = "本单位加严" })).ToHaveCountAsync(1);
            await admin.CheckPageAsync("directory-obligations");

            // The secretary, bound by name to the new branch; the grant reads as words.
            await page.GetByRole(AriaRole.Link, new() { Name = "人员与授权" }).ClickAsync();
            await page.GetByLabel("人员登录名", new() { Exact = true }).FillAsync(secretary);
            await page.GetByLabel("角色", new() { Exact = true }).SelectOptionAsync("branch-secretary");
            await page.GetByRole(AriaRole.Button, new() { Name = "授予" }).ClickAsync();
            await Expect(page.Locator("#bind-nodes-error")).ToHaveTextAsync("请至少选择一个支部。");
            await page.GetByLabel($"{BranchName}（党支部）").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "授予" }).ClickAsync();
            await Expect(page.Locator("#access-status")).ToContainTextAsync("已授予");
            var binding = page.Locator($"#bindings li[data-subject='{secretary}']");
            await Expect(binding).ToContainTextAsync($"支部书记 · {BranchName}");
            await Expect(page.Locator("#bindings")).Not.ToContainTextAsync("@");
            await admin.CheckPageAsync("access");

            // An API key: its text shown once, it works, it is revoked after a confirmation, it stops working.
            await page.GetByLabel("名称", new() { Exact = true }).FillAsync("OA 同步");
            await page.GetByLabel("记录写入", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("读取本单位数据", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "创建密钥" }).ClickAsync();
            await Expect(page.Locator("#new-key")).ToContainTextAsync("只显示这一次");
            var keyText = await page.Locator("#new-key-text").InputValueAsync();
            Assert.StartsWith("blk_", keyText, StringComparison.Ordinal);
            var key = page.Locator("#api-keys li", new() { HasText = "OA 同步" });
            await Expect(key).ToContainTextAsync("有效");
            await Expect(key).ToContainTextAsync("权限：读取本单位数据、记录写入");
            await Expect(page.Locator("#api-keys")).Not.ToContainTextAsync(keyText[..12]);
            await admin.CheckPageAsync("access-key-created");
            Assert.Equal(HttpStatusCode.OK, await CallerStatusAsync(keyText));

            await key.GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();
            await Expect(key).ToContainTextAsync("立即无法访问");
            await key.GetByRole(AriaRole.Button, new() { Name = "确认吊销" }).ClickAsync();
            await Expect(page.Locator("#access-status")).ToContainTextAsync("已吊销");
            await Expect(key).ToContainTextAsync("已吊销");
            await Expect(page.Locator("#new-key")).ToHaveCountAsync(0); // the key text is gone for good
            await Expect(key.GetByRole(AriaRole.Button, new() { Name = "吊销" })).ToHaveCountAsync(0);
            Assert.Equal(HttpStatusCode.Unauthorized, await CallerStatusAsync(keyText));
            await admin.CheckPageAsync("access-key-revoked");
        }

        // The secretary signs in claiming no role: the stored binding gives them the branch, and they record.
        await using (var person = await WebSession.OpenAsync(platform, screen))
        {
            await person.SignInAsync(secretary, "");
            var page = person.Page;
            await Expect(page.Locator("#who")).ToContainTextAsync($"{secretary}（支部书记）");
            await Expect(page).ToHaveURLAsync(new Regex("#/home$"));
            await person.CheckPageAsync("secretary-home");

            using var caller = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/v1/access/caller")).TextAsync());
            Assert.Contains($"branch-secretary@{tenant}#{branch}", caller.RootElement.GetProperty("grants").EnumerateArray().Select(g => g.GetString()));

            var csrf = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/app/session")).TextAsync()).RootElement.GetProperty("csrf").GetString()!;
            var recorded = await RecordMeetingAsync(page, csrf, branch);
            Assert.True(recorded.Ok, $"recording a meeting: {recorded.Status} {await recorded.TextAsync()}");
            Assert.Contains("recordId", await recorded.TextAsync(), StringComparison.Ordinal);
            // Their branch only: the organisation above it is not theirs to write.
            var elsewhere = await RecordMeetingAsync(page, csrf, "party-committee");
            Assert.Equal(403, elsewhere.Status);
        }
    }

    [Fact]
    public async Task A_tenant_admin_unbinds_a_role_after_a_confirmation()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var tenant = $"adm-{suffix}";
        await Nodes.RegisterAsync(platform.Grains, tenant, "市文学艺术界联合会");
        await using var admin = await WebSession.OpenAsync(platform, Screen.Desktop);
        await admin.SignInAsync($"admin-{suffix}", "tenant-admin", tenant);
        var page = admin.Page;
        await page.GotoAsync("/app/#/access");
        await page.GetByLabel("人员登录名", new() { Exact = true }).FillAsync($"审计员{suffix}");
        await page.GetByLabel("角色", new() { Exact = true }).SelectOptionAsync("auditor");
        await Expect(page.Locator("fieldset[data-field=nodes]")).ToBeHiddenAsync(); // only secretaries pick branches
        await page.GetByRole(AriaRole.Button, new() { Name = "授予" }).ClickAsync();
        var binding = page.Locator($"#bindings li[data-subject='审计员{suffix}']");
        await Expect(binding).ToContainTextAsync("审计");

        await binding.GetByRole(AriaRole.Button, new() { Name = "解除" }).ClickAsync();
        await binding.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync(); // changing one's mind keeps it
        await Expect(binding).ToContainTextAsync("审计");
        await binding.GetByRole(AriaRole.Button, new() { Name = "解除" }).ClickAsync();
        await binding.GetByRole(AriaRole.Button, new() { Name = "确认解除" }).ClickAsync();
        await Expect(page.Locator("#access-status")).ToContainTextAsync("已解除");
        await Expect(binding).ToHaveCountAsync(0);
        await admin.CheckPageAsync("access-unbound");
    }

    private async Task<HttpStatusCode> CallerStatusAsync(string apiKey)
    {
        using var http = new HttpClient { BaseAddress = new Uri(platform.BaseAddress) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/access/caller");
        request.Headers.Add("x-api-key", apiKey);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static Task<IAPIResponse> RecordMeetingAsync(IPage page, string csrf, string node) =>
        page.APIRequest.PostAsync($"/v1/nodes/{node}/meetings", new()
        {
            Headers = new Dictionary<string, string> { ["x-branchledger-csrf"] = csrf },
            DataObject = JsonRecords.BranchCommitteeMeeting(Guid.NewGuid().ToString()),
        });
}
