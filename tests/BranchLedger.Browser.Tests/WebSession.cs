using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BranchLedger.Browser.Tests;

/// <summary>The two screens every page must work on: a desktop and a phone (360×740, touch).</summary>
public enum Screen
{
    Desktop,
    Phone,
}

/// <summary>
/// One person in the web app: a browser context of the given screen size, signed in through the
/// development sign-in form as a person with a role, and the checks every page gets (no script or CSP
/// error, no horizontal scrolling on a phone, no serious accessibility violation).
/// </summary>
public sealed class WebSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _scriptErrors = [];
    private readonly string? _shots;
    private readonly Screen _screen;

    private WebSession(IBrowserContext context, IPage page, Screen screen)
    {
        _context = context;
        Page = page;
        _screen = screen;
        _shots = Environment.GetEnvironmentVariable("BRANCHLEDGER_SCREENSHOTS");
        page.PageError += (_, error) => _scriptErrors.Add(error);
        // Console errors include Content-Security-Policy violations; refused reads the page reports itself are expected.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _scriptErrors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    public static async Task<WebSession> OpenAsync(DashboardPlatform platform, Screen screen)
    {
        var options = new BrowserNewContextOptions { BaseURL = platform.BaseAddress, Locale = "zh-CN", AcceptDownloads = true };
        if (screen == Screen.Phone)
        {
            options.ViewportSize = new ViewportSize { Width = 360, Height = 740 };
            options.IsMobile = true;
            options.HasTouch = true;
            options.DeviceScaleFactor = 2;
        }
        else
        {
            options.ViewportSize = new ViewportSize { Width = 1280, Height = 800 };
        }

        var context = await platform.Browser.NewContextAsync(options);
        return new WebSession(context, await context.NewPageAsync(), screen);
    }

    /// <summary>Signs in through the development form; an empty role signs in with stored bindings only.</summary>
    public async Task SignInAsync(string name, string role, string tenant = "", string nodes = "")
    {
        await Page.GotoAsync("/app/");
        await Page.GetByLabel("姓名").FillAsync(name);
        await Page.GetByLabel("角色").SelectOptionAsync(role);
        await Page.GetByLabel("单位代码").FillAsync(tenant);
        await Page.GetByLabel("支部代码").FillAsync(nodes);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(Page.Locator("#who")).ToContainTextAsync(name);
    }

    /// <summary>
    /// The checks every page gets: no script or CSP error so far, no horizontal scrolling on a phone,
    /// and no serious or critical accessibility violation (axe-core, WCAG 2 A/AA).
    /// </summary>
    public async Task CheckPageAsync(string what)
    {
        Assert.True(_scriptErrors.Count == 0, $"{what}: script errors: {string.Join(" | ", _scriptErrors)}");
        if (_screen == Screen.Phone)
        {
            var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{what}: the page scrolls sideways by {overflow}px at 360px");
        }

        var results = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: accessibility violations: " + string.Join(" | ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
        if (_shots is { Length: > 0 })
        {
            Directory.CreateDirectory(_shots);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, $"{what}-{_screen.ToString().ToLowerInvariant()}.png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
