using BranchLedger.Api.V1;
using Grpc.Core;
using static BranchLedger.Integration.Tests.OrgDirectory.DirectoryRequests;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>CreateNode, RenameNode, MoveNode, CloseNode and GetNode over real gRPC, through the gateway host.</summary>
[Collection(DirectoryGatewayCollection.Name)]
public sealed class DirectoryNodeApiTests(DirectoryGatewayFixture fixture)
{
    private readonly DirectoryService.DirectoryServiceClient _directory = fixture.Directory;

    private async Task<Node> Get(Metadata who, string nodeId) =>
        (await _directory.GetNodeAsync(new GetNodeRequest { NodeId = nodeId }, who)).Node;

    [Fact]
    public async Task A_created_node_reads_back_as_created()
    {
        var who = await SampleTenant(_directory);
        var created = await _directory.CreateNodeAsync(
            Create("branch-b", NodeKind.Branch, "office-committee", "第二党支部"), As(TenantOf(who), "li-office"));

        var read = await Get(who, "branch-b");

        Assert.False(created.Replayed);
        Assert.Equal(created.Node, read);
        Assert.Equal(("branch-b", NodeKind.Branch, "第二党支部", "office-committee"), (read.NodeId, read.Kind, read.Name, read.ParentId));
        Assert.Equal(NodeState.Open, read.State);
        Assert.Equal(("li-office", "li-office"), (read.CreatedBy, read.UpdatedBy));
        Assert.Null(read.ClosedAt);
        Assert.Equal("", (await Get(who, "party-group")).ParentId);
    }

    [Fact]
    public async Task A_retried_create_is_answered_as_it_was_even_after_later_changes()
    {
        var who = await SampleTenant(_directory);
        var request = Create("branch-r", NodeKind.Branch, "office-committee", "原名", "create-r");
        var first = await _directory.CreateNodeAsync(request, who);
        await _directory.RenameNodeAsync(new RenameNodeRequest { RequestId = "rename-r", NodeId = "branch-r", Name = "新名" }, who);

        var again = await _directory.CreateNodeAsync(request, who);

        Assert.True(again.Replayed);
        Assert.Equal(first.Node, again.Node);
        Assert.Equal("新名", (await Get(who, "branch-r")).Name);
        var history = await _directory.ListNodeHistoryAsync(new ListNodeHistoryRequest { NodeId = "branch-r" }, who);
        Assert.Equal(2, history.Changes.Count);
    }

    [Fact]
    public async Task A_request_id_reused_for_another_change_fails_the_precondition_and_writes_nothing()
    {
        var who = await SampleTenant(_directory);
        await _directory.CreateNodeAsync(Create("branch-x", NodeKind.Branch, "office-committee", requestId: "same-id"), who);

        var otherNode = await Fails(_directory.CreateNodeAsync(Create("branch-y", NodeKind.Branch, "office-committee", requestId: "same-id"), who));
        var otherKind = await Fails(_directory.RenameNodeAsync(new RenameNodeRequest { RequestId = "same-id", NodeId = "branch-x", Name = "新" }, who));

        Assert.Equal("REQUEST_ID_REUSED", Precondition(otherNode).Type);
        Assert.Equal("REQUEST_ID_REUSED", Precondition(otherKind).Type);
        Assert.Equal(StatusCode.NotFound, (await Fails(_directory.GetNodeAsync(new GetNodeRequest { NodeId = "branch-y" }, who))).StatusCode);
        Assert.Equal("branch-x 名称", (await Get(who, "branch-x")).Name);
    }

    [Fact]
    public async Task An_invalid_create_lists_every_field_and_creates_nothing()
    {
        var who = await SampleTenant(_directory);
        var request = new CreateNodeRequest { RequestId = "", NodeId = "Bad/Id", Kind = NodeKind.Unspecified, Name = "nul\0", ParentId = "Parent" };

        var error = await Fails(_directory.CreateNodeAsync(request, who));

        Assert.Equal(["kind", "name", "node_id", "parent_id", "request_id"], Fields(error));
        var list = await _directory.ListNodesAsync(new ListNodesRequest { IncludeClosed = true }, who);
        Assert.Equal(4, list.Nodes.Count);
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("两行\n名称", "name")]
    public async Task Names_are_required_and_one_line(string name, string field)
    {
        var who = await SampleTenant(_directory);
        var error = await Fails(_directory.CreateNodeAsync(Create("branch-n", NodeKind.Branch, "office-committee", name), who));
        Assert.Equal([field], Fields(error));
    }

    [Fact]
    public async Task A_node_cannot_be_its_own_parent()
    {
        var who = await SampleTenant(_directory);
        var error = await Fails(_directory.CreateNodeAsync(Create("self-org", NodeKind.Organisation, "self-org"), who));
        Assert.Equal(["parent_id"], Fields(error));
    }

    [Fact]
    public async Task A_taken_node_id_already_exists_even_when_closed()
    {
        var who = await SampleTenant(_directory);
        await _directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "close-g", NodeId = "group-a", Reason = "撤并" }, who);

        var error = await Fails(_directory.CreateNodeAsync(Create("group-a", NodeKind.SmallGroup, "branch-a"), who));

        var resource = Resource(error, StatusCode.AlreadyExists);
        Assert.Equal(("branchledger.v1.Node", "group-a"), (resource.ResourceType, resource.ResourceName));
    }

    [Fact]
    public async Task A_child_of_an_unknown_parent_is_not_found()
    {
        var who = await SampleTenant(_directory);
        var error = await Fails(_directory.CreateNodeAsync(Create("branch-z", NodeKind.Branch, "nowhere"), who));
        Assert.Equal("nowhere", Resource(error, StatusCode.NotFound).ResourceName);
    }

    [Theory]
    [InlineData(NodeKind.Branch, "")]
    [InlineData(NodeKind.GeneralBranch, "branch-a")]
    [InlineData(NodeKind.SmallGroup, "office-committee")]
    [InlineData(NodeKind.Organisation, "branch-a")]
    public async Task A_kind_under_a_parent_it_may_not_have_fails_the_precondition(NodeKind kind, string parent)
    {
        var who = await SampleTenant(_directory);
        var error = await Fails(_directory.CreateNodeAsync(Create("new-node", kind, parent), who));
        Assert.Equal(("PARENT_KIND_NOT_ALLOWED", "parent_id"), (Precondition(error).Type, Precondition(error).Subject));
    }

    [Fact]
    public async Task The_tree_takes_nodes_only_in_a_registered_tenant()
    {
        var error = await Fails(_directory.CreateNodeAsync(Create("party-group", NodeKind.Organisation), As(NewTenantId())));
        Assert.Equal("TENANT_NOT_REGISTERED", Precondition(error).Type);
    }

    [Fact]
    public async Task Rename_changes_the_name_and_who_last_changed_the_node()
    {
        var who = await SampleTenant(_directory);
        var renamed = await _directory.RenameNodeAsync(
            new RenameNodeRequest { RequestId = "ren-1", NodeId = "branch-a", Name = "机关第一党支部" }, As(TenantOf(who), "zhang"));

        Assert.Equal("机关第一党支部", renamed.Node.Name);
        Assert.Equal("zhang", renamed.Node.UpdatedBy);
        Assert.Equal("party-office", renamed.Node.CreatedBy);
        Assert.Equal(renamed.Node, await Get(who, "branch-a"));
    }

    [Fact]
    public async Task Rename_refuses_bad_fields_unknown_nodes_and_unchanged_names()
    {
        var who = await SampleTenant(_directory);

        var invalid = await Fails(_directory.RenameNodeAsync(new RenameNodeRequest { RequestId = "r-1", NodeId = "", Name = "" }, who));
        var missing = await Fails(_directory.RenameNodeAsync(new RenameNodeRequest { RequestId = "r-2", NodeId = "nowhere", Name = "名" }, who));
        var same = await Fails(_directory.RenameNodeAsync(new RenameNodeRequest { RequestId = "r-3", NodeId = "branch-a", Name = "第一党支部" }, who));

        Assert.Equal(["name", "node_id"], Fields(invalid));
        Assert.Equal(("branchledger.v1.Node", "nowhere"), (Resource(missing, StatusCode.NotFound).ResourceType, Resource(missing, StatusCode.NotFound).ResourceName));
        Assert.Equal(("NO_CHANGE", "name"), (Precondition(same).Type, Precondition(same).Subject));
    }

    [Fact]
    public async Task Move_puts_a_node_under_another_parent_or_at_the_root()
    {
        var who = await SampleTenant(_directory);
        var toRoot = await _directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "m-1", NodeId = "office-committee" }, who);
        var branch = await _directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "m-2", NodeId = "branch-a", NewParentId = "party-group" }, who);

        Assert.Equal("", toRoot.Node.ParentId);
        Assert.Equal("party-group", branch.Node.ParentId);
        Assert.Equal("party-group", (await Get(who, "branch-a")).ParentId);
        var children = await _directory.ListNodesAsync(new ListNodesRequest { ParentId = "party-group" }, who);
        Assert.Equal(["branch-a"], children.Nodes.Select(n => n.NodeId));
    }

    [Fact]
    public async Task A_move_under_its_own_descendant_is_a_cycle()
    {
        var who = await SampleTenant(_directory);
        var error = await Fails(_directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "m-c", NodeId = "party-group", NewParentId = "office-committee" }, who));
        Assert.Equal(("MOVE_CREATES_CYCLE", "new_parent_id"), (Precondition(error).Type, Precondition(error).Subject));
    }

    [Fact]
    public async Task Move_refuses_bad_fields_unknown_parents_wrong_kinds_and_staying_put()
    {
        var who = await SampleTenant(_directory);

        var invalid = await Fails(_directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "m-1", NodeId = "branch-a", NewParentId = "branch-a" }, who));
        var missingNode = await Fails(_directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "m-2", NodeId = "nowhere", NewParentId = "party-group" }, who));
        var missingParent = await Fails(_directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "m-3", NodeId = "branch-a", NewParentId = "nowhere" }, who));
        var kind = await Fails(_directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "m-4", NodeId = "group-a", NewParentId = "office-committee" }, who));
        var root = await Fails(_directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "m-5", NodeId = "branch-a" }, who));
        var stay = await Fails(_directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "m-6", NodeId = "branch-a", NewParentId = "office-committee" }, who));

        Assert.Equal(["new_parent_id"], Fields(invalid));
        Assert.Equal("nowhere", Resource(missingNode, StatusCode.NotFound).ResourceName);
        Assert.Equal("nowhere", Resource(missingParent, StatusCode.NotFound).ResourceName);
        Assert.Equal("PARENT_KIND_NOT_ALLOWED", Precondition(kind).Type);
        Assert.Equal("PARENT_KIND_NOT_ALLOWED", Precondition(root).Type);
        Assert.Equal("NO_CHANGE", Precondition(stay).Type);
    }

    [Fact]
    public async Task Closing_keeps_the_node_readable_with_its_reason_and_freezes_it()
    {
        var who = await SampleTenant(_directory);
        var closed = await _directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "c-1", NodeId = "group-a", Reason = "机构改革撤并" }, who);

        var read = await Get(who, "group-a");
        var rename = await Fails(_directory.RenameNodeAsync(new RenameNodeRequest { RequestId = "c-2", NodeId = "group-a", Name = "新" }, who));
        var move = await Fails(_directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "c-3", NodeId = "group-a", NewParentId = "branch-a" }, who));
        var again = await Fails(_directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "c-4", NodeId = "group-a", Reason = "再次" }, who));

        Assert.Equal(closed.Node, read);
        Assert.Equal((NodeState.Closed, "机构改革撤并"), (read.State, read.CloseReason));
        Assert.Equal(read.UpdatedAt, read.ClosedAt);
        Assert.Equal(("NODE_CLOSED", "node_id"), (Precondition(rename).Type, Precondition(rename).Subject));
        Assert.Equal("NODE_CLOSED", Precondition(move).Type);
        Assert.Equal("NODE_CLOSED", Precondition(again).Type);
    }

    [Fact]
    public async Task A_closed_node_takes_no_children_created_or_moved_in()
    {
        var who = await SampleTenant(_directory);
        await _directory.CreateNodeAsync(Create("branch-old", NodeKind.Branch, "office-committee"), who);
        await _directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "close-old", NodeId = "branch-old", Reason = "撤销" }, who);

        var create = await Fails(_directory.CreateNodeAsync(Create("group-new", NodeKind.SmallGroup, "branch-old"), who));
        var move = await Fails(_directory.MoveNodeAsync(new MoveNodeRequest { RequestId = "mv", NodeId = "group-a", NewParentId = "branch-old" }, who));

        Assert.Equal(("PARENT_CLOSED", "parent_id"), (Precondition(create).Type, Precondition(create).Subject));
        Assert.Equal(("PARENT_CLOSED", "new_parent_id"), (Precondition(move).Type, Precondition(move).Subject));
    }

    [Fact]
    public async Task A_node_with_open_children_cannot_close_until_they_are_closed()
    {
        var who = await SampleTenant(_directory);

        var refused = await Fails(_directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "c-b", NodeId = "branch-a", Reason = "撤并" }, who));
        await _directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "c-g", NodeId = "group-a", Reason = "撤并" }, who);
        var closed = await _directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "c-b2", NodeId = "branch-a", Reason = "撤并" }, who);

        Assert.Equal(("OPEN_CHILDREN", "node_id"), (Precondition(refused).Type, Precondition(refused).Subject));
        Assert.Equal(NodeState.Closed, closed.Node.State);
    }

    [Fact]
    public async Task Close_refuses_bad_fields_and_unknown_nodes()
    {
        var who = await SampleTenant(_directory);
        var invalid = await Fails(_directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "c 1", NodeId = "x", Reason = "" }, who));
        var missing = await Fails(_directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "c-1", NodeId = "nowhere", Reason = "撤并" }, who));

        Assert.Equal(["node_id", "reason", "request_id"], Fields(invalid));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Get_refuses_malformed_ids_and_answers_not_found_for_unknown_ones()
    {
        var who = await SampleTenant(_directory);
        var invalid = await Fails(_directory.GetNodeAsync(new GetNodeRequest { NodeId = "a/b" }, who));
        var missing = await Fails(_directory.GetNodeAsync(new GetNodeRequest { NodeId = "nowhere" }, who));

        Assert.Equal(["node_id"], Fields(invalid));
        Assert.Equal(("branchledger.v1.Node", "nowhere"), (Resource(missing, StatusCode.NotFound).ResourceType, Resource(missing, StatusCode.NotFound).ResourceName));
    }
}
