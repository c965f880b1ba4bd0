using System.Diagnostics;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary><c>scripts/platform.sh</c>: what its start banner says about the API.</summary>
public sealed class PlatformScriptTests
{
    [Fact]
    public async Task The_banner_lists_every_service_of_the_API()
    {
        // The banner prints this list; it is read from the protos, so it names exactly the API's services.
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "platform.sh"));
        info.ArgumentList.Add("services");
        using var script = Process.Start(info)!;
        var output = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync();

        Assert.Equal(0, script.ExitCode);
        Assert.Equal(
            ApiSurface.Services.Select(s => s.FullName).Order(StringComparer.Ordinal),
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
