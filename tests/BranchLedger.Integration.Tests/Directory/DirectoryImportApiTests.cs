using BranchLedger.Api.V1;
using Grpc.Core;
using static BranchLedger.Integration.Tests.OrgDirectory.DirectoryRequests;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>ImportNodes over real gRPC, through the gateway host: many nodes and rosters in one write, all or nothing.</summary>
[Collection(DirectoryGatewayCollection.Name)]
public sealed class DirectoryImportApiTests(DirectoryGatewayFixture fixture)
{
    private readonly DirectoryService.DirectoryServiceClient _directory = fixture.Directory;

    private static NodeImport Item(string nodeId, NodeKind kind, string parentId, bool roster = false, int members = 12) => new()
    {
        RequestId = $"import:node:{nodeId}",
        NodeId = nodeId,
        Kind = kind,
        Name = nodeId + " 名称",
        ParentId = parentId,
        Roster = !roster ? null : new RosterImport
        {
            RequestId = $"import:roster:{nodeId}",
            EffectiveFrom = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 },
            Secretary = "王书记", CommitteeMembers = 3, Members = members, VotingMembers = members - 1,
        },
    };

    // A general branch with two branches under it (parents created earlier in the same request), each with a roster.
    private static ImportNodesRequest Tree(string prefix = "") => new()
    {
        Nodes =
        {
            Item(prefix + "general", NodeKind.GeneralBranch, "office-committee"),
            Item(prefix + "branch-1", NodeKind.Branch, prefix + "general", roster: true),
            Item(prefix + "branch-2", NodeKind.Branch, prefix + "general", roster: true, members: 20),
        },
    };

    private async Task<(int Nodes, int Rosters)> Counts(Metadata who)
    {
        var nodes = await _directory.ListNodesAsync(new ListNodesRequest { PageSize = 500, IncludeClosed = true }, who);
        var rosters = await _directory.ListRostersAsync(new ListRostersRequest { PageSize = 500 }, who);
        return (nodes.Nodes.Count, rosters.Rosters.Count);
    }

    [Fact]
    public async Task Imported_nodes_and_rosters_read_back_as_if_created_one_by_one()
    {
        var who = await SampleTenant(_directory);

        var imported = await _directory.ImportNodesAsync(Tree(), As(TenantOf(who), "li-office"));

        Assert.Equal(["general", "branch-1", "branch-2"], imported.Nodes.Select(n => n.Node.NodeId));
        Assert.All(imported.Nodes, n => Assert.False(n.Replayed));
        Assert.Null(imported.Nodes[0].Roster);
        var branch = await _directory.GetNodeAsync(new GetNodeRequest { NodeId = "branch-2" }, who);
        Assert.Equal(imported.Nodes[2].Node, branch.Node);
        Assert.Equal(("general", "li-office"), (branch.Node.ParentId, branch.Node.CreatedBy));
        var rosters = await _directory.ListRostersAsync(new ListRostersRequest { NodeId = "branch-2" }, who);
        Assert.Equal(imported.Nodes[2].Roster, Assert.Single(rosters.Rosters));
        Assert.Equal((20, "import:roster:branch-2"), (rosters.Rosters[0].Members, rosters.Rosters[0].RequestId));
        Assert.Equal((7, 2), await Counts(who));
    }

    [Fact]
    public async Task A_replayed_import_is_answered_without_recording_anything_again()
    {
        var who = await SampleTenant(_directory);
        var first = await _directory.ImportNodesAsync(Tree(), who);

        var again = await _directory.ImportNodesAsync(Tree(), who);

        Assert.All(again.Nodes, n => Assert.True(n.Replayed));
        Assert.Equal(first.Nodes.Select(n => n.Roster), again.Nodes.Select(n => n.Roster));
        Assert.Equal((7, 2), await Counts(who));

        // Items seen before mix with new ones: only the new ones are recorded.
        var grown = Tree();
        grown.Nodes.Add(Item("branch-3", NodeKind.Branch, "general", roster: true));
        var mixed = await _directory.ImportNodesAsync(grown, who);
        Assert.Equal([true, true, true, false], mixed.Nodes.Select(n => n.Replayed));
        Assert.Equal((8, 3), await Counts(who));
    }

    [Fact]
    public async Task A_bad_item_is_invalid_argument_naming_it_and_nothing_is_written()
    {
        var who = await SampleTenant(_directory);
        var request = Tree();
        request.Nodes[2].ParentId = "Not A Slug";
        request.Nodes[1].Roster.EffectiveFrom = null;
        request.Nodes.Add(Item("branch-1", NodeKind.Branch, "general"));

        var error = await Fails(_directory.ImportNodesAsync(request, who));

        Assert.Equal(["nodes[1].roster.effective_from", "nodes[2].parent_id", "nodes[3].node_id", "nodes[3].request_id"], Fields(error));
        Assert.Equal((4, 0), await Counts(who));
        Assert.Equal(["nodes"], Fields(await Fails(_directory.ImportNodesAsync(new ImportNodesRequest(), who))));
    }

    [Fact]
    public async Task A_parent_of_another_tenant_is_not_found_and_nothing_is_written()
    {
        var mine = await SampleTenant(_directory);
        var theirs = await SampleTenant(_directory);
        await _directory.CreateNodeAsync(Create("their-branch", NodeKind.Branch, "office-committee"), theirs);
        var request = Tree();
        request.Nodes.Add(Item("group-x", NodeKind.SmallGroup, "their-branch"));

        var error = await Fails(_directory.ImportNodesAsync(request, mine));

        Assert.Equal("their-branch", Resource(error, StatusCode.NotFound).ResourceName);
        Assert.Contains("nodes[3]", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((4, 0), await Counts(mine));
    }

    [Fact]
    public async Task A_rule_broken_deep_in_the_import_names_the_item_and_writes_nothing()
    {
        var who = await SampleTenant(_directory);
        var request = Tree();
        request.Nodes.Add(Item("group-y", NodeKind.SmallGroup, "general"));

        var error = await Fails(_directory.ImportNodesAsync(request, who));

        Assert.Equal("nodes[3].parent_id", Precondition(error).Subject);
        Assert.Equal((4, 0), await Counts(who));
    }
}
