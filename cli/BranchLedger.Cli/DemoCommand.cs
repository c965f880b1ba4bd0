using System.CommandLine;
using BranchLedger.Api.V1;
using BranchLedger.CityData;
using BranchLedger.Domain.Access;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary><c>demo-city</c>: the demo city through the public API, idempotent (scripts/platform.sh runs it on every start).</summary>
internal static class DemoCommand
{
    public static Command Build(CliGlobals globals)
    {
        var command = new Command("demo-city", "Load the demo city: 5 bodies, 60 branches, records up to today (idempotent)");
        command.Aliases.Add("demo-data");
        globals.SetAction(command, async (cli, _, ct) =>
        {
            var loader = new DemoCityLoader(new DirectoryService.DirectoryServiceClient(cli.Channel), new LedgerService.LedgerServiceClient(cli.Channel), cli.Credentials.For,
                tenant => cli.Credentials.ForPerson(DemoCityLoader.VerifierUser, tenant, Grant.For(Role.TenantAdmin, tenant)));
            var summary = await loader.LoadAsync(DemoCity.Generate(DemoCity.Today()), ct);
            cli.WriteRaw(summary.ToString());
            foreach (var problem in summary.Problems)
            {
                cli.Error.WriteLine(problem);
            }

            return summary.Rejected == 0 ? 0 : CliGlobals.Refused;
        });
        return command;
    }
}
