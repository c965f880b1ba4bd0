using System.Text.RegularExpressions;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Protos;

/// <summary>
/// The protos as other teams consume them: they load on their own with plain @grpc/proto-loader, they pass
/// <c>buf lint</c>, and <c>buf breaking</c> against protos/baseline.binpb rejects a change that breaks clients.
/// The tools come from scripts/proto-check.sh (npm ci of the pinned lockfiles).
/// </summary>
public sealed partial class ProtoContractTests(ProtoTools tools) : IClassFixture<ProtoTools>
{
    [ProtoToolsFact]
    public async Task The_protos_load_on_their_own_with_plain_proto_loader()
    {
        // Only the .proto files and their licence, so nothing outside protos/ can be found by accident.
        using var copy = TempFolder.WithProtos();

        var result = await ProtoTools.RunAsync(copy.Path, "node", ProtoTools.LoaderScript, Path.Combine(copy.Path, "protos"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("load from protos/ alone", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(copy.Path, "protos", "google", "LICENSE")), "The vendored google protos need their licence.");
    }

    [ProtoToolsFact]
    public async Task The_protos_pass_buf_lint_and_have_no_breaking_change_against_the_baseline()
    {
        var lint = await tools.BufAsync(RepoPaths.Root, "lint");
        var breaking = await tools.BufAsync(RepoPaths.Root, "breaking", "--against", ProtoTools.Baseline);

        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.True(breaking.ExitCode == 0, breaking.Output);
    }

    [ProtoToolsFact]
    public async Task Buf_breaking_fails_on_a_renumbered_field()
    {
        using var copy = TempFolder.WithProtos();
        var unchanged = await tools.BufAsync(copy.Path, "breaking", "--against", ProtoTools.Baseline);
        Assert.True(unchanged.ExitCode == 0, "The unchanged copy must pass: " + unchanged.Output);

        // The first field of ledger.proto gets another number: old clients would write it where nobody reads it.
        var ledger = Path.Combine(copy.Path, "protos", "branchledger", "v1", "ledger.proto");
        var field = FirstField().Match(File.ReadAllText(ledger));
        Assert.True(field.Success, "No field declaration found in ledger.proto.");
        var renumbered = (int.Parse(field.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture) + 5000)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(ledger, File.ReadAllText(ledger).Remove(field.Groups["number"].Index, field.Groups["number"].Length)
            .Insert(field.Groups["number"].Index, renumbered));

        var broken = await tools.BufAsync(copy.Path, "breaking", "--against", ProtoTools.Baseline);

        Assert.True(broken.ExitCode != 0, "buf breaking accepted a renumbered field: " + broken.Output);
        Assert.Contains("ledger.proto", broken.Output, StringComparison.Ordinal);
        Assert.Contains(field.Groups["name"].Value, broken.Output, StringComparison.Ordinal);
    }

    [ProtoToolsFact]
    public async Task Buf_lint_fails_on_a_name_against_the_rules()
    {
        using var copy = TempFolder.WithProtos();
        File.AppendAllText(Path.Combine(copy.Path, "protos", "branchledger", "v1", "rubric.proto"), "\nmessage lower_case_name {}\n");

        var lint = await tools.BufAsync(copy.Path, "lint");

        Assert.True(lint.ExitCode != 0, "buf lint accepted a message name that is not PascalCase: " + lint.Output);
        Assert.Contains("lower_case_name", lint.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s+(?:repeated\s+|optional\s+)?[\w.]+\s+(?<name>\w+)\s*=\s*(?<number>\d+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FirstField();
}

/// <summary>Skipped only on a developer's machine without Node.js; in CI (CI=true) it always runs.</summary>
public sealed class ProtoToolsFactAttribute : FactAttribute
{
    public ProtoToolsFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && !ProtoTools.OnPath("node"))
        {
            Skip = "Node.js not found (apt-get install -y nodejs npm); CI runs these tests always.";
        }
    }
}

/// <summary>Installs buf and proto-loader once (scripts/proto-check.sh --install) and runs them.</summary>
public sealed class ProtoTools : IAsyncLifetime
{
    public static string Baseline => Path.Combine(RepoPaths.Root, "protos", "baseline.binpb");

    public static string LoaderScript => Path.Combine(RepoPaths.Root, "tests", "proto-loader", "load.mjs");

    private static string Buf => Path.Combine(RepoPaths.Root, "tools", "buf", "node_modules", ".bin", "buf");

    public async Task InitializeAsync()
    {
        var install = await RunAsync(RepoPaths.Root, "bash", Path.Combine(RepoPaths.Root, "scripts", "proto-check.sh"), "--install");
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/proto-check.sh --install failed:\n" + install.Output);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public Task<ToolResult> BufAsync(string folder, params string[] args) => RunAsync(folder, Buf, args);

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    public static async Task<ToolResult> RunAsync(string folder, string program, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 3 minutes.");
        }

        return new ToolResult(process.ExitCode, (await stdout) + (await stderr));
    }
}

public sealed record ToolResult(int ExitCode, string Output);

/// <summary>A temporary copy of buf.yaml and the protos (.proto files and licences only), deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private TempFolder(string path) => Path = path;

    public string Path { get; }

    public static TempFolder WithProtos()
    {
        var folder = new TempFolder(Directory.CreateTempSubdirectory("branchledger-protos-").FullName);
        try
        {
            File.Copy(System.IO.Path.Combine(RepoPaths.Root, "buf.yaml"), System.IO.Path.Combine(folder.Path, "buf.yaml"));
            var source = System.IO.Path.Combine(RepoPaths.Root, "protos");
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".proto", StringComparison.Ordinal) || System.IO.Path.GetFileName(f) == "LICENSE")
                         .Where(f => !System.IO.Path.GetRelativePath(source, f).Split(System.IO.Path.DirectorySeparatorChar)
                             .Any(part => part is "bin" or "obj" or "node_modules")))
            {
                var target = System.IO.Path.Combine(folder.Path, "protos", System.IO.Path.GetRelativePath(source, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
