using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary>
/// The options every command takes (where the gateway is, who the caller is, how to print) and the
/// one place commands run: errors become a one-line message and an exit code, never a stack trace.
/// </summary>
internal sealed class CliGlobals(IAnsiConsole output, IAnsiConsole error, Func<string, GrpcChannel> connect)
{
    /// <summary>Exit code of a refused call or of rows the platform rejected.</summary>
    public const int Refused = 1;

    /// <summary>Exit code of bad command-line input or an unreadable file.</summary>
    public const int BadInput = 2;

    public Option<string> Gateway { get; } = new("--gateway")
    {
        Description = "The gateway's gRPC address (env BRANCHLEDGER_GATEWAY)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BRANCHLEDGER_GATEWAY") is { Length: > 0 } g ? g : "http://127.0.0.1:5080",
    };

    public Option<string> Tenant { get; } = new("--tenant")
    {
        Description = "The tenant to act on (env BRANCHLEDGER_TENANT)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BRANCHLEDGER_TENANT") is { Length: > 0 } t ? t : "demo-disabled-fed",
    };

    public Option<string> User { get; } = new("--user")
    {
        Description = "The subject of tokens minted with the local key",
        Recursive = true,
        DefaultValueFactory = _ => "cli",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "A bearer token (env BRANCHLEDGER_TOKEN)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BRANCHLEDGER_TOKEN"),
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "An API key (env BRANCHLEDGER_API_KEY)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BRANCHLEDGER_API_KEY"),
    };

    public Option<string> KeyFile { get; } = new("--key-file")
    {
        Description = "The local signing key, to mint tokens on the platform's machine (env BRANCHLEDGER_LOCAL_KEY_FILE)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BRANCHLEDGER_LOCAL_KEY_FILE") is { Length: > 0 } k ? k : CliCredentials.DefaultKeyFile,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print machine-readable JSON", Recursive = true };

    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { Gateway, Tenant, User, Token, ApiKey, KeyFile, Json })
        {
            root.Add(option);
        }
    }

    /// <summary>Makes <paramref name="run"/> the action of <paramref name="command"/>.</summary>
    public void SetAction(Command command, Func<CliContext, ParseResult, CancellationToken, Task<int>> run) =>
        command.SetAction((parse, ct) => RunAsync(parse, run, ct));

    private async Task<int> RunAsync(ParseResult parse, Func<CliContext, ParseResult, CancellationToken, Task<int>> run, CancellationToken ct)
    {
        try
        {
            var credentials = new CliCredentials(parse.GetValue(Token), parse.GetValue(ApiKey), parse.GetRequiredValue(KeyFile), parse.GetRequiredValue(User));
            using var context = new CliContext(
                output, error, () => connect(parse.GetRequiredValue(Gateway)), credentials, parse.GetRequiredValue(Tenant), parse.GetValue(Json));
            return await run(context, parse, ct);
        }
        catch (RpcException ex)
        {
            CliErrors.Report(error, ex);
            return Refused;
        }
        catch (Exception ex) when (ex is CliInputException or InvalidOperationException or IOException or UnauthorizedAccessException
            or ArgumentException or FormatException or System.Text.Json.JsonException or Google.Protobuf.InvalidProtocolBufferException)
        {
            error.Profile.Out.Writer.WriteLine(ex.Message);
            return BadInput;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Anything else is a fault of the CLI or the connection: one line, no stack trace.
            error.Profile.Out.Writer.WriteLine($"{ex.GetType().Name}: {ex.Message}");
            return Refused;
        }
    }
}
