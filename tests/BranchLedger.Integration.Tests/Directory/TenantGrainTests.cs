using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Domain.Directory;
using BranchLedger.Integration.Tests.Infrastructure;
using static BranchLedger.Integration.Tests.OrgDirectory.DirectoryCommands;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>The tenant grain on a real cluster whose grain state is the ADO.NET provider on PostgreSQL.</summary>
public sealed class TenantGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private ITenantGrain Tenant(string tenant) => fixture.Client.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant));

    [Fact]
    public async Task The_tree_and_rosters_read_back_from_the_grain()
    {
        var tenant = await SampleTree(Tenant("grain-tree"));

        var node = await tenant.GetNode("group-a");
        var info = await tenant.GetTenant();

        Assert.Equal(("group-a", NodeKind.SmallGroup, "branch-a", false), (node!.NodeId, node.Kind, node.ParentId, node.IsClosed));
        Assert.Null(await tenant.GetNode("nowhere"));
        Assert.Equal(("grain-tree", "市总工会"), (info!.TenantId, info.Profile.DisplayName));
        Assert.Null(await Tenant("grain-unregistered").GetTenant());
    }

    [Fact]
    public async Task The_roster_in_effect_on_a_day_is_the_latest_started_and_corrections_win()
    {
        var tenant = await SampleTree(Tenant("grain-rosters"));
        await tenant.SetRoster(Roster("branch-a", new DateOnly(2025, 1, 1), 20));
        await tenant.SetRoster(Roster("branch-a", new DateOnly(2026, 1, 1), 25));
        await tenant.SetRoster(Roster("branch-a", new DateOnly(2026, 1, 1), 26));

        Assert.Null(await tenant.GetRosterAt("branch-a", new DateOnly(2024, 12, 31)));
        Assert.Equal(20, (await tenant.GetRosterAt("branch-a", new DateOnly(2025, 12, 31)))!.Roster.Members);
        Assert.Equal(26, (await tenant.GetRosterAt("branch-a", new DateOnly(2026, 6, 1)))!.Roster.Members);
        Assert.Null(await tenant.GetRosterAt("group-a", new DateOnly(2026, 6, 1)));
        Assert.Null(await tenant.GetRosterAt("nowhere", new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public async Task A_retried_request_id_is_answered_as_first_and_counted_once()
    {
        var tenant = await SampleTree(Tenant("grain-retry"));
        await tenant.CreateNode(Create("org-b", NodeKind.Organisation, null));
        var rename = Command(new NodeRenamed { NodeId = "branch-a", Name = "改名" }, "rename-1");

        var renamed = await tenant.RenameNode(rename);
        await tenant.MoveNode(Command(new NodeMoved { NodeId = "branch-a", ParentId = "org-b" }, "move-2"));
        var again = await tenant.RenameNode(rename);

        Assert.False(renamed.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(renamed.Node, again.Node);
        Assert.Equal("party-group", again.Node.ParentId);
        Assert.Equal(3, (await tenant.ListNodeHistory("branch-a", 0, 10)).Items.Count);
    }

    [Fact]
    public async Task A_request_id_reused_for_different_content_or_by_someone_else_is_refused()
    {
        var tenant = await SampleTree(Tenant("grain-conflict"));
        await tenant.CreateNode(Create("branch-b", NodeKind.Branch, "party-group", "create-b"));

        await Assert.ThrowsAsync<RequestIdConflictException>(() => tenant.CreateNode(Create("branch-c", NodeKind.Branch, "party-group", "create-b")));
        await Assert.ThrowsAsync<RequestIdConflictException>(() =>
            tenant.CreateNode(Create("branch-b", NodeKind.Branch, "party-group", "create-b") with { RecordedBy = "someone-else" }));
        Assert.Null(await tenant.GetNode("branch-c"));
    }

    [Fact]
    public async Task An_invalid_command_is_refused_with_field_errors_even_without_the_gateway()
    {
        var tenant = await SampleTree(Tenant("grain-invalid"));
        var bad = Command(new NodeCreated { NodeId = "X", Kind = (NodeKind)9, Name = "", ParentId = "X" }, "bad id");

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() => tenant.CreateNode(bad));

        Assert.Equal(["request_id", "node_id", "kind", "name", "parent_id"], error.Errors.Select(e => e.Field).Distinct());
        Assert.Equal(3, (await tenant.ListNodes(null, true, 0, 10)).Items.Count);
    }

    [Fact]
    public async Task Rule_failures_arrive_as_typed_exceptions_with_their_codes()
    {
        var tenant = await SampleTree(Tenant("grain-rules"));

        var exists = await Assert.ThrowsAsync<AlreadyExistsException>(() => tenant.CreateNode(Create("branch-a", NodeKind.Branch, "party-group")));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => tenant.CloseNode(Command(new NodeClosed { NodeId = "nowhere", Reason = "撤" })));
        var children = await Assert.ThrowsAsync<PreconditionFailedException>(() => tenant.CloseNode(Command(new NodeClosed { NodeId = "branch-a", Reason = "撤" })));
        var cycle = await Assert.ThrowsAsync<PreconditionFailedException>(() => tenant.MoveNode(Command(new NodeMoved { NodeId = "party-group", ParentId = "group-a" })));
        var unregistered = await Assert.ThrowsAsync<PreconditionFailedException>(() => Tenant("grain-nobody").CreateNode(Create("party-group", NodeKind.Organisation, null)));

        Assert.Equal((DirectoryChecks.NodeResource, "branch-a"), (exists.ResourceType, exists.ResourceName));
        Assert.Equal("nowhere", missing.ResourceName);
        Assert.Contains("nowhere", missing.Message, StringComparison.Ordinal);
        Assert.Equal((FailureCodes.OpenChildren, "node_id"), (children.Type, children.Subject));
        Assert.Contains("open children", children.Message, StringComparison.Ordinal);
        Assert.Equal(FailureCodes.MoveCreatesCycle, cycle.Type);
        Assert.Equal(FailureCodes.TenantNotRegistered, unregistered.Type);
    }

    [Fact]
    public async Task Reads_of_unknown_nodes_are_not_found_and_unknown_tenants_list_nothing()
    {
        var tenant = await SampleTree(Tenant("grain-reads"));

        await Assert.ThrowsAsync<NotFoundException>(() => tenant.ListNodeHistory("nowhere", 0, 10));
        await Assert.ThrowsAsync<NotFoundException>(() => tenant.ListNodes("nowhere", false, 0, 10));
        await Assert.ThrowsAsync<NotFoundException>(() => tenant.ListRosters("nowhere", 0, 10));
        Assert.Empty((await Tenant("grain-empty").ListNodes(null, true, 0, 10)).Items);
    }

    [Fact]
    public async Task Pages_continue_after_their_cursor_and_end_with_none()
    {
        var tenant = await SampleTree(Tenant("grain-pages"));
        await tenant.CreateNode(Create("branch-b", NodeKind.Branch, "party-group"));
        await tenant.CreateNode(Create("branch-c", NodeKind.Branch, "party-group"));

        var first = await tenant.ListNodes("party-group", false, 0, 2);
        var second = await tenant.ListNodes("party-group", false, first.NextAfter!.Value, 2);

        Assert.Equal(["branch-a", "branch-b"], first.Items.Select(n => n.NodeId));
        Assert.Equal(["branch-c"], second.Items.Select(n => n.NodeId));
        Assert.Null(second.NextAfter);
        Assert.Empty((await tenant.ListNodes(null, true, 99, 2)).Items);
    }
}
