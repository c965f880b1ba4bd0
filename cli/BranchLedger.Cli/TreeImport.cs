using System.Globalization;
using BranchLedger.Api.V1;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary>
/// <c>nodes import</c>: the file's new nodes (with their first rosters) through ImportNodes, a batch per
/// directory write; rosters of nodes already there through SetRoster. Request ids come from the row's
/// content (the node's columns for the node, the roster's for the roster), so a file run again after an
/// interruption is answered with replays and creates nothing twice.
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
        var existing = await ExistingAsync(directory, cli, plan, ct);
        var outcomes = new (bool There, string Roster)[plan.Count];
        int created = 0, replayed = 0, rosters = 0, rostersReplayed = 0;

        // Nodes already in the tree (from an earlier run of this file, or made by other means) keep
        // their place; their rosters go one SetRoster each, which replays when already set.
        for (var i = 0; i < plan.Count; i++)
        {
            if (existing.Contains(plan[i].Node.NodeId))
            {
                replayed++;
                var set = plan[i].Roster is { } roster ? await directory.SetRosterAsync(roster, cli.Headers, cancellationToken: ct) : null;
                (rostersReplayed, rosters) = set is null ? (rostersReplayed, rosters) : set.Replayed ? (rostersReplayed + 1, rosters) : (rostersReplayed, rosters + 1);
                outcomes[i] = (true, RosterText(plan[i].Roster, set?.Replayed ?? false));
            }
        }

        // New nodes, with their first rosters, go in batches: one directory write per batch.
        var fresh = Enumerable.Range(0, plan.Count).Where(i => !existing.Contains(plan[i].Node.NodeId)).ToList();
        foreach (var batch in fresh.Chunk(BatchSize))
        {
            var request = new ImportNodesRequest();
            request.Nodes.AddRange(batch.Select(i => ToImport(plan[i].Node, plan[i].Roster)));
            var answer = await directory.ImportNodesAsync(request, cli.Headers, cancellationToken: ct);
            for (var j = 0; j < batch.Length; j++)
            {
                var (i, again) = (batch[j], answer.Nodes[j].Replayed);
                (replayed, created) = again ? (replayed + 1, created) : (replayed, created + 1);
                (rostersReplayed, rosters) = plan[i].Roster is null ? (rostersReplayed, rosters) : again ? (rostersReplayed + 1, rosters) : (rostersReplayed, rosters + 1);
                outcomes[i] = (again, RosterText(plan[i].Roster, again));
            }
        }

        var table = new Table().AddColumns("line", "node", "kind", "name", "parent", "outcome", "roster");
        for (var i = 0; i < plan.Count; i++)
        {
            var (line, node, _) = plan[i];
            table.AddRow(line.ToString(CultureInfo.InvariantCulture), Markup.Escape(node.NodeId), ProtoText.Short(ProtoText.NodeKinds, (int)node.Kind),
                Markup.Escape(node.Name), Markup.Escape(node.ParentId), outcomes[i].There ? "already there" : "[green]created[/]", Markup.Escape(outcomes[i].Roster));
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

    // Nodes per ImportNodes call: well inside the API's 500, so one call stays short.
    private const int BatchSize = 200;

    private static string RosterText(SetRosterRequest? roster, bool replayed) => roster is null ? "-"
        : $"{roster.Members} members from {roster.EffectiveFrom.Year:D4}-{roster.EffectiveFrom.Month:D2}-{roster.EffectiveFrom.Day:D2}"
            + (replayed ? " (already set)" : "");

    private static NodeImport ToImport(CreateNodeRequest node, SetRosterRequest? roster) => new()
    {
        RequestId = node.RequestId, NodeId = node.NodeId, Kind = node.Kind, Name = node.Name, ParentId = node.ParentId,
        Roster = roster is null ? null : new RosterImport
        {
            RequestId = roster.RequestId, EffectiveFrom = roster.EffectiveFrom, Secretary = roster.Secretary,
            CommitteeMembers = roster.CommitteeMembers, Members = roster.Members, VotingMembers = roster.VotingMembers,
            CommitteeNames = { roster.CommitteeNames }, MemberNames = { roster.MemberNames },
        },
    };

    // The file's nodes already in the tree. One with another kind, name or parent stops the import
    // before anything is sent: the file and the tree disagree, and a person should decide.
    private static async Task<HashSet<string>> ExistingAsync(
        DirectoryService.DirectoryServiceClient directory, CliContext cli, List<(int Line, CreateNodeRequest Node, SetRosterRequest? Roster)> plan, CancellationToken ct)
    {
        var wanted = plan.ToDictionary(p => p.Node.NodeId, p => p.Node, StringComparer.Ordinal);
        var there = new HashSet<string>(StringComparer.Ordinal);
        var listing = new ListNodesRequest { PageSize = 500, IncludeClosed = true };
        await foreach (var existing in Paging.AllAsync(t => directory.ListNodesAsync(new ListNodesRequest(listing) { PageToken = t }, cli.Headers, cancellationToken: ct).ResponseAsync, p => p.Nodes, p => p.NextPageToken))
        {
            if (wanted.TryGetValue(existing.NodeId, out var node))
            {
                if (existing.Kind != node.Kind || existing.Name != node.Name || existing.ParentId != node.ParentId)
                {
                    throw new CliInputException(
                        $"node '{node.NodeId}' exists already as {ProtoText.Short(ProtoText.NodeKinds, (int)existing.Kind)} '{existing.Name}' under '{existing.ParentId}'; the file says otherwise");
                }

                there.Add(existing.NodeId);
            }
        }

        return there;
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
