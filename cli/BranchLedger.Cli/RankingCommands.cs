using System.CommandLine;
using System.Globalization;
using BranchLedger.Api.V1;
using BranchLedger.CityData;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary><c>rankings top|compare</c>: RankingService answers as tables.</summary>
internal static class RankingCommands
{
    public static Command Build(CliGlobals globals)
    {
        var period = Period();
        var scope = new Option<string>("--scope") { Description = "city or tenant", DefaultValueFactory = _ => "city" };
        scope.AcceptOnlyFromAmong("city", "tenant");
        var indicator = new Option<string?>("--indicator") { Description = "Rank by this indicator's points" };
        var name = new Option<string?>("--name") { Description = "Only branches whose name or id contains this" };
        var count = new Option<int>("--count", "-n") { Description = "How many branches", DefaultValueFactory = _ => 10 };
        var top = new Command("top", "The head of a ranking") { period, scope, indicator, name, count };
        globals.SetAction(top, async (cli, parse, ct) =>
        {
            var request = new ListTopBranchesRequest
            {
                Period = parse.GetRequiredValue(period),
                Scope = parse.GetValue(scope) == "tenant" ? RankingScope.Tenant : RankingScope.City,
                IndicatorId = parse.GetValue(indicator) ?? "",
                NameContains = parse.GetValue(name) ?? "",
                PageSize = parse.GetValue(count),
            };
            var response = await Client(cli).ListTopBranchesAsync(request, cli.Headers, cancellationToken: ct);
            cli.Show(response, () => cli.Out.Write(TopTable(request, response)));
            return 0;
        });

        var comparePeriod = Period();
        var branches = new Argument<string[]>("branch") { Description = "node-id (the --tenant's) or tenant/node-id; 1 to 10", Arity = new ArgumentArity(1, 10) };
        var compare = new Command("compare", "Branches side by side, indicator by indicator") { comparePeriod, branches };
        globals.SetAction(compare, async (cli, parse, ct) =>
        {
            var request = new CompareBranchesRequest { Period = parse.GetRequiredValue(comparePeriod) };
            request.Branches.AddRange(parse.GetRequiredValue(branches).Select(BranchRef));
            var response = await Client(cli).CompareBranchesAsync(request, cli.Headers, cancellationToken: ct);
            cli.Show(response, () => cli.Out.Write(CompareTable(response)));
            return 0;
        });
        return new Command("rankings", "Rankings of the city's branches") { top, compare };
    }

    /// <summary>"node" or "tenant/node".</summary>
    public static RankingBranchRef BranchRef(string text) => text.Split('/') switch
    {
        [var node] => new RankingBranchRef { NodeId = node },
        [var tenant, var node] => new RankingBranchRef { TenantId = tenant, NodeId = node },
        _ => throw new CliInputException($"'{text}' is not node-id or tenant/node-id"),
    };

    /// <summary>--period; last year by default, a finished year being the fullest picture.</summary>
    public static Option<string> Period() => new("--period", "-p")
    {
        Description = "2026, 2026-Q1 or 2026-03 (default: last year)",
        DefaultValueFactory = _ => (DemoCity.Today().Year - 1).ToString(CultureInfo.InvariantCulture),
    };

    private static Table TopTable(ListTopBranchesRequest request, ListTopBranchesResponse response)
    {
        var byIndicator = request.IndicatorId.Length > 0;
        var table = new Table()
            .Title($"{(request.Scope == RankingScope.Tenant ? "tenant" : "city")} ranking {Markup.Escape(request.Period)}: {response.RankedCount} branches, rubric {Markup.Escape(response.RubricVersion)}")
            .AddColumns(new TableColumn("rank").RightAligned(), new TableColumn("score").RightAligned(), new TableColumn("grade"),
                new TableColumn("tenant"), new TableColumn("branch"), new TableColumn("name"));
        if (byIndicator)
        {
            table.AddColumn(new TableColumn(Markup.Escape(request.IndicatorId)).RightAligned());
        }

        foreach (var b in response.Branches)
        {
            var cells = new List<string>
            {
                b.Rank.ToString(CultureInfo.InvariantCulture), Number(b.Total), Grade(b.Grade, b.Total),
                Markup.Escape(b.TenantId), Markup.Escape(b.NodeId), Markup.Escape(b.DisplayName),
            };
            if (byIndicator)
            {
                cells.Add(b.Indicator is { } i ? $"{Number(i.Points)}/{Number(i.MaxPoints)}" : "-");
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static Table CompareTable(CompareBranchesResponse response)
    {
        var table = new Table().Title($"comparison {Markup.Escape(response.Period)}, rubric {Markup.Escape(response.RubricVersion)}").AddColumn("");
        foreach (var b in response.Branches)
        {
            table.AddColumn(new TableColumn(Markup.Escape(b.Ranked ? b.DisplayName : b.NodeId)).RightAligned());
        }

        table.AddRow(["branch", .. response.Branches.Select(b => Markup.Escape($"{b.TenantId}/{b.NodeId}"))]);
        table.AddRow(["score", .. response.Branches.Select(b => b.Ranked ? Number(b.Total) : "no score")]);
        table.AddRow(["grade", .. response.Branches.Select(b => b.Ranked ? Grade(b.Grade, b.Total) : "-")]);
        table.AddRow(["city rank", .. response.Branches.Select(b => b.City is { } c ? $"{c.Rank}/{c.RankedCount}" : "-")]);
        foreach (var row in response.Indicators)
        {
            table.AddRow([Markup.Escape(row.IndicatorId), .. row.Cells.Select(c =>
                !c.Present ? "-" : !c.Assessable ? "[grey]n/a[/]" : $"{Number(c.Points)}/{Number(c.MaxPoints)}")]);
        }

        return table;
    }

    // Grade bands are the rubric's names; the colour follows the total so any rubric reads the same way.
    private static string Grade(string grade, double total) =>
        $"[{(total >= 90 ? "green" : total >= 75 ? "cyan" : total >= 60 ? "yellow" : "red")}]{Markup.Escape(grade)}[/]";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static RankingService.RankingServiceClient Client(CliContext cli) => new(cli.Channel);
}
