using System.Text.Json.Nodes;
using BranchLedger.Cli;
using BranchLedger.Integration.Tests.Infrastructure;
using Spectre.Console.Testing;

namespace BranchLedger.Integration.Tests.Cli;

/// <summary>What one CLI run printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>The standard output as JSON (runs with --json).</summary>
    public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidOperationException("no JSON: " + Out + Error);

    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- error ---\n{Error}";
}

/// <summary>
/// Runs the real <c>branchledger</c> command tree in process against the fixture's gateway, with captured
/// consoles and a key file holding the run's local signing key (so the CLI mints its own operator tokens).
/// </summary>
public sealed class CliRun : IDisposable
{
    private readonly GatewayHost _gateway;
    private readonly string _directory = Directory.CreateTempSubdirectory("branchledger-cli-").FullName;

    public CliRun(GatewayHost gateway)
    {
        _gateway = gateway;
        KeyFile = Path.Combine(_directory, "local-signing-key");
        File.WriteAllText(KeyFile, TestCredentials.SigningKey);
    }

    public string KeyFile { get; }

    /// <summary>The repository's example import files.</summary>
    public static string Example(string name) => Path.Combine(RepoPaths.Root, "cli", "examples", name);

    /// <summary>A path in the run's scratch directory.</summary>
    public string Scratch(string name) => Path.Combine(_directory, name);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new TestConsole().Width(240);
        using var error = new TestConsole().Width(240);
        var code = await CliApp.RunAsync([.. args, "--key-file", KeyFile], output, error, _ => _gateway.Channel());
        return new CliResult(code, output.Output, error.Output);
    }

    /// <summary>Runs and asserts a zero exit code, showing what was printed otherwise.</summary>
    public async Task<CliResult> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"branchledger {string.Join(' ', args)}\n{result}");
        return result;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

/// <summary>A test class running the CLI against its own gateway fixture.</summary>
public abstract class CliTestClass(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IDisposable
{
    protected GatewayFixture Fixture { get; } = fixture;

    protected CliRun Cli { get; } = new(fixture.Host);

    public void Dispose()
    {
        Cli.Dispose();
        GC.SuppressFinalize(this);
    }
}
