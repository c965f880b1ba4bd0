using System.CommandLine;
using Grpc.Net.Client;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary>
/// The <c>branchledger</c> command tree. Tests run it in process with captured consoles and a channel
/// to an in-process gateway; the executable runs it on the real console.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line on the process console (tables and progress on stdout, errors on stderr).</summary>
    public static Task<int> RunAsync(string[] args)
    {
        var output = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Not a terminal (a log, a pipe): wide tables stay whole instead of wrapping at 80 columns.
            output.Profile.Width = 200;
        }

        return RunAsync(args, output, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));
    }

    /// <summary>
    /// Runs <paramref name="args"/> writing to <paramref name="output"/> and <paramref name="error"/>; <paramref name="connect"/>
    /// opens a channel to a gateway address (default: a plain gRPC channel). Returns the exit code.
    /// </summary>
    public static Task<int> RunAsync(
        IReadOnlyList<string> args, IAnsiConsole output, IAnsiConsole error,
        Func<string, GrpcChannel>? connect = null, CancellationToken cancellationToken = default)
    {
        var root = Build(new CliGlobals(output, error, connect ?? (address => GrpcChannel.ForAddress(address))));
        return root.Parse(args).InvokeAsync(
            new InvocationConfiguration { Output = output.Profile.Out.Writer, Error = error.Profile.Out.Writer }, cancellationToken);
    }

    private static RootCommand Build(CliGlobals globals)
    {
        var root = new RootCommand("BranchLedger administration: directory, records, rubric, rankings, reports and access.");
        globals.AddTo(root);
        root.Add(DirectoryCommands.Tenants(globals));
        root.Add(DirectoryCommands.Nodes(globals));
        root.Add(RecordCommands.Build(globals));
        root.Add(RubricCommands.Build(globals));
        root.Add(RankingCommands.Build(globals));
        root.Add(ReportCommands.Report(globals));
        root.Add(ReportCommands.Export(globals));
        foreach (var command in AccessCommands.Build(globals))
        {
            root.Add(command);
        }

        root.Add(DemoCommand.Build(globals));
        return root;
    }
}
