using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace BranchLedger.Browser.Tests;

/// <summary>Where the browser tests keep screenshots and downloads, and how a download is checked and kept.</summary>
public static class TestArtefacts
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("BRANCHLEDGER_TEST_ARTEFACTS") is { Length: > 0 } folder
        ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Clicks a download button, checks the file's name and the page's status line, saves it among the artefacts and returns its path.</summary>
    public static async Task<string> DownloadAsync(IPage page, string button, string expectedName, ITestOutputHelper output)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(button));
        Assert.Equal(expectedName, download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
        var path = Path.Combine(Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        output.WriteLine("download: " + path);
        await Expect(page.Locator(button + "-status")).ToHaveTextAsync("已下载：" + expectedName);
        return path;
    }
}
