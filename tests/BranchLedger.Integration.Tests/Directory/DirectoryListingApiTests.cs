using BranchLedger.Api.V1;
using Grpc.Core;
using static BranchLedger.Integration.Tests.OrgDirectory.DirectoryRequests;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>ListNodes and ListNodeHistory (AIP-158 paging) and tenant separation, over real gRPC.</summary>
[Collection(DirectoryGatewayCollection.Name)]
public sealed class DirectoryListingApiTests(DirectoryGatewayFixture fixture)
{
    private readonly DirectoryService.DirectoryServiceClient _directory = fixture.Directory;

    private async Task<List<string>> AllNodeIds(Metadata who, ListNodesRequest request)
    {
        var ids = new List<string>();
        do
        {
            var page = await _directory.ListNodesAsync(request, who);
            Assert.InRange(page.Nodes.Count, 0, request.PageSize == 0 ? 50 : request.PageSize);
            ids.AddRange(page.Nodes.Select(n => n.NodeId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        return ids;
    }

    [Fact]
    public async Task Nodes_list_in_creation_order_across_pages_with_closed_ones_only_when_asked()
    {
        var who = await SampleTenant(_directory);
        for (var i = 1; i <= 5; i++)
        {
            await _directory.CreateNodeAsync(Create($"branch-{i}", NodeKind.Branch, "office-committee"), who);
        }

        await _directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "close-3", NodeId = "branch-3", Reason = "撤并" }, who);

        var open = await AllNodeIds(who, new ListNodesRequest { PageSize = 2 });
        var all = await AllNodeIds(who, new ListNodesRequest { PageSize = 2, IncludeClosed = true });

        Assert.Equal(["party-group", "office-committee", "branch-a", "group-a", "branch-1", "branch-2", "branch-4", "branch-5"], open);
        Assert.Equal(["party-group", "office-committee", "branch-a", "group-a", "branch-1", "branch-2", "branch-3", "branch-4", "branch-5"], all);
    }

    [Fact]
    public async Task A_parent_filter_lists_direct_children_only()
    {
        var who = await SampleTenant(_directory);
        await _directory.CreateNodeAsync(Create("general", NodeKind.GeneralBranch, "office-committee"), who);

        var children = await AllNodeIds(who, new ListNodesRequest { ParentId = "office-committee", PageSize = 1 });
        var leaf = await _directory.ListNodesAsync(new ListNodesRequest { ParentId = "group-a" }, who);

        Assert.Equal(["branch-a", "general"], children);
        Assert.Empty(leaf.Nodes);
        Assert.Equal("", leaf.NextPageToken);
    }

    [Fact]
    public async Task Listing_refuses_bad_fields_and_unknown_parents()
    {
        var who = await SampleTenant(_directory);
        var invalid = await Fails(_directory.ListNodesAsync(new ListNodesRequest { ParentId = "Bad", PageSize = -5, PageToken = "forged" }, who));
        var missing = await Fails(_directory.ListNodesAsync(new ListNodesRequest { ParentId = "nowhere" }, who));

        Assert.Equal(["page_size", "page_token", "parent_id"], Fields(invalid));
        Assert.Equal("nowhere", Resource(missing, StatusCode.NotFound).ResourceName);
    }

    [Fact]
    public async Task A_page_token_is_bound_to_its_listing()
    {
        var who = await SampleTenant(_directory);
        var first = await _directory.ListNodesAsync(new ListNodesRequest { PageSize = 1 }, who);
        Assert.NotEqual("", first.NextPageToken);

        var otherFilter = await Fails(_directory.ListNodesAsync(new ListNodesRequest { PageSize = 1, PageToken = first.NextPageToken, IncludeClosed = true }, who));
        var otherRpc = await Fails(_directory.ListRostersAsync(new ListRostersRequest { PageToken = first.NextPageToken }, who));

        Assert.Equal(["page_token"], Fields(otherFilter));
        Assert.Equal(["page_token"], Fields(otherRpc));
    }

    [Fact]
    public async Task Page_sizes_above_the_maximum_are_coerced()
    {
        var who = await SampleTenant(_directory);
        var page = await _directory.ListNodesAsync(new ListNodesRequest { PageSize = 100_000 }, who);
        Assert.Equal(4, page.Nodes.Count);
        Assert.Equal("", page.NextPageToken);
    }

    [Fact]
    public async Task A_nodes_history_shows_every_change_with_who_when_and_request_id()
    {
        var who = await SampleTenant(_directory);
        var tenant = who.GetValue("x-branchledger-tenant")!;
        await _directory.CreateNodeAsync(Create("general", NodeKind.GeneralBranch, "office-committee"), who);
        await _directory.RenameNodeAsync(new RenameNodeRequest { RequestId = "h-rename", NodeId = "branch-a", Name = "新名称" }, As(tenant, "zhang"));
        await _directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "h-move", NodeId = "branch-a", NewParentId = "general" }, As(tenant, "wang"));
        await _directory.SetRosterAsync(Roster("branch-a", requestId: "h-roster"), As(tenant, "zhao"));
        await _directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "h-close-g", NodeId = "group-a", Reason = "撤并" }, who);
        await _directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "h-close", NodeId = "branch-a", Reason = "撤并" }, As(tenant, "qian"));

        var changes = new List<NodeChange>();
        var token = "";
        do
        {
            var page = await _directory.ListNodeHistoryAsync(new ListNodeHistoryRequest { NodeId = "branch-a", PageSize = 2, PageToken = token }, who);
            changes.AddRange(page.Changes);
            token = page.NextPageToken;
        }
        while (token != "");

        Assert.Equal(
            [NodeChange.ChangeOneofCase.Created, NodeChange.ChangeOneofCase.Renamed, NodeChange.ChangeOneofCase.Moved,
             NodeChange.ChangeOneofCase.RosterSet, NodeChange.ChangeOneofCase.Closed],
            changes.Select(c => c.ChangeCase));
        Assert.All(changes, c => Assert.Equal("branch-a", c.NodeId));
        Assert.Equal(["party-office", "zhang", "wang", "zhao", "qian"], changes.Select(c => c.RecordedBy));
        Assert.Equal(["h-rename", "h-move", "h-roster", "h-close"], changes.Skip(1).Select(c => c.RequestId));
        Assert.True(changes.Zip(changes.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.All(changes, c => Assert.NotNull(c.RecordedAt));
        Assert.Equal(("office-committee", "第一党支部"), (changes[0].Created.ParentId, changes[0].Created.Name));
        Assert.Equal("新名称", changes[1].Renamed.Name);
        Assert.Equal("general", changes[2].Moved.ParentId);
        Assert.Equal(30, changes[3].RosterSet.Members);
        Assert.Equal("撤并", changes[4].Closed.Reason);
    }

    [Fact]
    public async Task History_refuses_bad_ids_and_answers_not_found_for_unknown_nodes()
    {
        var who = await SampleTenant(_directory);
        var invalid = await Fails(_directory.ListNodeHistoryAsync(new ListNodeHistoryRequest { NodeId = "" }, who));
        var missing = await Fails(_directory.ListNodeHistoryAsync(new ListNodeHistoryRequest { NodeId = "nowhere" }, who));

        Assert.Equal(["node_id"], Fields(invalid));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Tenants_with_the_same_node_ids_never_see_each_other()
    {
        var one = await SampleTenant(_directory);
        var two = As(NewTenantId());
        await _directory.RegisterTenantAsync(Register(name: "市妇女联合会"), two);
        await _directory.CreateNodeAsync(Create("party-group", NodeKind.Organisation, name: "妇联党组"), two);
        await _directory.SetRosterAsync(Roster("party-group", members: 12), two);
        await _directory.RenameNodeAsync(new RenameNodeRequest { RequestId = "same-request-id", NodeId = "party-group", Name = "一号党组" }, one);
        var twoRename = await _directory.RenameNodeAsync(new RenameNodeRequest { RequestId = "same-request-id", NodeId = "party-group", Name = "二号党组" }, two);

        Assert.False(twoRename.Replayed);
        Assert.Equal("一号党组", (await _directory.GetNodeAsync(new GetNodeRequest { NodeId = "party-group" }, one)).Node.Name);
        Assert.Equal("二号党组", (await _directory.GetNodeAsync(new GetNodeRequest { NodeId = "party-group" }, two)).Node.Name);
        Assert.Equal(4, (await _directory.ListNodesAsync(new ListNodesRequest(), one)).Nodes.Count);
        Assert.Single((await _directory.ListNodesAsync(new ListNodesRequest(), two)).Nodes);
        Assert.Empty((await _directory.ListRostersAsync(new ListRostersRequest(), one)).Rosters);
        Assert.Equal(3, (await _directory.ListNodeHistoryAsync(new ListNodeHistoryRequest { NodeId = "party-group" }, two)).Changes.Count);
        Assert.Equal(StatusCode.NotFound, (await Fails(_directory.GetNodeAsync(new GetNodeRequest { NodeId = "branch-a" }, two))).StatusCode);
        Assert.Equal("市妇女联合会", (await _directory.GetTenantAsync(new GetTenantRequest(), two)).Tenant.Profile.DisplayName);
    }
}
