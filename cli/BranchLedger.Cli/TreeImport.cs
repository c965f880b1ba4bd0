using System.Globalization;
using BranchLedger.Api.V1;
using Grpc.Core;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary>
/// <c>nodes import</c>: one CreateNode per row, then SetRoster when the row gives members. Request ids
/// come from the row's content (the node's columns for the node, the roster's for the roster), so a
/// file run again after an interruption is answered with replays and creates nothing twice.
/// </summary>
internal static class TreeImport
{
    public static CreateNodeRequest CreateRequest(string nodeId, string kind, string name, string? parentId)
    {
        var request = new CreateNodeRequest
        {
            NodeId = nodeId,
            Kind = (NodeKind)ProtoText.ParseEnum(ProtoText.NodeKinds, kind),
            Name = name,
            ParentId = parentId ?? "",
        };
        request.RequestId = ProtoText.RequestId("node", $"{request.NodeId}\n{request.Kind}\n{request.Name}\n{request.ParentId}");
        return request;
    }

    public static async Task<int> RunAsync(CliContext cli, FileInfo file, CancellationToken ct)
    {
        var plan = Plan(CsvTable.Read(file.FullName));
        var directory = new DirectoryService.DirectoryServiceClient(cli.Channel);
        var table = new Table().AddColumns("line", "node", "kind", "name", "parent", "outcome", "roster");
        int created = 0, replayed = 0, rosters = 0, rostersReplayed = 0;
        foreach (var (line, node, roster) in plan)
        {
            var there = await AlreadyThereAsync(directory, cli, node, ct);
            (replayed, created) = there ? (replayed + 1, created) : (replayed, created + 1);

            var rosterText = "-";
            if (roster is not null)
            {
                var set = await directory.SetRosterAsync(roster, cli.Headers, cancellationToken: ct);
                (rostersReplayed, rosters) = set.Replayed ? (rostersReplayed + 1, rosters) : (rostersReplayed, rosters + 1);

                rosterText = $"{roster.Members} members from {roster.EffectiveFrom.Year:D4}-{roster.EffectiveFrom.Month:D2}-{roster.EffectiveFrom.Day:D2}"
                    + (set.Replayed ? " (already set)" : "");
            }

            table.AddRow(line.ToString(CultureInfo.InvariantCulture), Markup.Escape(node.NodeId), ProtoText.Short(ProtoText.NodeKinds, (int)node.Kind),
                Markup.Escape(node.Name), Markup.Escape(node.ParentId), there ? "already there" : "[green]created[/]", Markup.Escape(rosterText));
        }

        if (cli.Json)
        {
            cli.WriteRaw(System.Text.Json.JsonSerializer.Serialize(new { created, replayed, rosters, rostersReplayed }));
        }
        else
        {
            cli.Out.Write(table);
            cli.WriteRaw($"{created} nodes created, {replayed} already there; {rosters} rosters set, {rostersReplayed} already set");
        }

        return 0;
    }

    // True when the node was there already: created by this file before (a replay), or by other means with the same kind, name and parent.
    private static async Task<bool> AlreadyThereAsync(DirectoryService.DirectoryServiceClient directory, CliContext cli, CreateNodeRequest node, CancellationToken ct)
    {
        try
        {
            return (await directory.CreateNodeAsync(node, cli.Headers, cancellationToken: ct)).Replayed;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            var existing = (await directory.GetNodeAsync(new GetNodeRequest { NodeId = node.NodeId }, cli.Headers, cancellationToken: ct)).Node;
            return existing.Kind == node.Kind && existing.Name == node.Name && existing.ParentId == node.ParentId
                ? true
                : throw new CliInputException(
                    $"node '{node.NodeId}' exists already as {ProtoText.Short(ProtoText.NodeKinds, (int)existing.Kind)} '{existing.Name}' under '{existing.ParentId}'; the file says otherwise");
        }
    }

    private static List<(int Line, CreateNodeRequest Node, SetRosterRequest? Roster)> Plan(IReadOnlyList<CsvRow> rows)
    {
        var inFile = rows.Select(r => r["node_id"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plan = new List<(int, CreateNodeRequest, SetRosterRequest?)>();
        foreach (var row in rows)
        {
            string Required(string column) => row[column] ?? throw new CliInputException($"line {row.Line}: {column} is required");
            var node = CreateRequest(Required("node_id"), Required("kind"), Required("name"), row["parent_id"]);
            if (node.ParentId.Length > 0 && inFile.Contains(node.ParentId) && !seen.Contains(node.ParentId))
            {
                throw new CliInputException($"line {row.Line}: parent '{node.ParentId}' comes later in the file; list parents before their children");
            }

            seen.Add(node.NodeId);
            plan.Add((row.Line, node, Roster(row, node.NodeId)));
        }

        return plan;
    }

    private static SetRosterRequest? Roster(CsvRow row, string nodeId)
    {
        if (row["members"] is null)
        {
            return null;
        }

        int Number(string column, int fallback) =>
            row[column] is not { } text ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new CliInputException($"line {row.Line}: {column} '{text}' is not a whole number");
        var count = Number("members", 0);
        var roster = new SetRosterRequest
        {
            NodeId = nodeId,
            EffectiveFrom = ProtoText.ParseDate(row["roster_from"] ?? throw new CliInputException($"line {row.Line}: roster_from is required with members")),
            Secretary = row["secretary"] ?? "",
            CommitteeMembers = Number("committee_members", 0),
            Members = count,
            VotingMembers = Number("voting_members", count),
        };
        roster.RequestId = ProtoText.RequestId("roster", roster.ToString());
        return roster;
    }
}
