using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Integration.Tests.Infrastructure;
using static BranchLedger.Integration.Tests.OrgDirectory.DirectoryCommands;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>Obligation overrides and named rosters in the tenant grain, on a cluster whose storage is PostgreSQL.</summary>
public sealed class TenantObligationGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly ObligationOverrideTerms Monthly = new()
    {
        RuleId = "branch-general-meeting", EffectiveFrom = new DateOnly(2025, 1, 1), Source = "市直机关工委〔2025〕1号", Frequency = Frequency.Monthly,
    };

    private ITenantGrain Tenant(string tenant) => fixture.Client.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant));

    private static DirectoryCommand<ObligationOverridesSet> Set(string requestId, params ObligationOverrideTerms[] overrides) =>
        Command(new ObligationOverridesSet { Overrides = [.. overrides] }, requestId);

    [Fact]
    public async Task Each_list_replaces_the_last_and_a_retry_with_an_equal_list_is_a_replay()
    {
        var tenant = await SampleTree(Tenant("grain-overrides"));

        var first = await tenant.SetObligationOverrides(Set("o-1", Monthly));
        var retry = await tenant.SetObligationOverrides(Set("o-1", Monthly with { }));
        var second = await tenant.SetObligationOverrides(Set("o-2", Monthly with { MinCount = 2 }));
        var obligations = await tenant.GetObligations();

        Assert.True(retry.Replayed);
        Assert.Equal(first.Overrides, retry.Overrides);
        Assert.True(second.Overrides.Sequence > first.Overrides.Sequence);
        Assert.Equal(2, Assert.Single(obligations.Overrides!.Overrides).MinCount);
        Assert.Equal([false, true], obligations.Rules.Where(r => r.RuleId == "branch-general-meeting").Select(r => r.Overridden));
    }

    [Fact]
    public async Task A_looser_list_is_refused_and_leaves_the_last_one_in_force()
    {
        var tenant = await SampleTree(Tenant("grain-looser"));
        await tenant.SetObligationOverrides(Set("o-1", Monthly));

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            tenant.SetObligationOverrides(Set("o-2", Monthly with { Frequency = Frequency.Yearly })));

        Assert.Equal("overrides[0].frequency", Assert.Single(error.Errors).Field);
        Assert.Equal(Monthly, Assert.Single((await tenant.GetObligations()).Overrides!.Overrides));
    }

    [Fact]
    public async Task Ledger_nodes_carry_the_overrides_the_zone_and_named_rosters()
    {
        var tenant = await SampleTree(Tenant("grain-ledger-node"));
        await tenant.SetRoster(Command(new RosterSet
        {
            NodeId = "branch-a",
            Roster = new RosterFigures
            {
                EffectiveFrom = new DateOnly(2025, 1, 1), Secretary = "王书记", CommitteeMembers = 1, Members = 2, VotingMembers = 2,
                CommitteeNames = ["王书记"], MemberNames = ["王书记", "张三"],
            },
        }));
        await tenant.SetObligationOverrides(Set("o-1", Monthly));

        var node = (await tenant.GetLedgerNode("branch-a"))!;

        Assert.Equal(Monthly, Assert.Single(node.ObligationOverrides));
        Assert.Equal("Asia/Shanghai", node.TimeZone);
        Assert.Equal(["王书记", "张三"], Assert.Single(node.Rosters).MemberNames);
    }

    [Fact]
    public async Task Overrides_reach_active_ledgers_of_every_node_closed_ones_included()
    {
        var tenant = await SampleTree(Tenant("grain-push"));
        await tenant.CloseNode(Command(new NodeClosed { NodeId = "group-a", Reason = "撤并" }));
        var branch = fixture.Client.GetGrain<ILedgerGrain>(GrainKeys.Ledger("grain-push", "branch-a"));
        var group = fixture.Client.GetGrain<ILedgerGrain>(GrainKeys.Ledger("grain-push", "group-a"));
        Assert.Single((await branch.GetCompliance("2025-Q1")).Rows, r => r.RuleId == "branch-general-meeting");
        await group.GetCompliance("2025-Q1");

        await tenant.SetObligationOverrides(Set("o-1", Monthly));

        Assert.Equal(3, (await branch.GetCompliance("2025-Q1")).Rows.Count(r => r.RuleId == "branch-general-meeting"));
        Assert.Equal(3, (await group.GetCompliance("2025-Q1")).Rows.Count(r => r.RuleId == "branch-general-meeting"));
    }

    [Fact]
    public async Task Overrides_and_named_rosters_survive_a_cluster_restart_and_still_replay()
    {
        var db = await TestPostgres.CreateDatabaseAsync("directory-overrides-restart");
        var key = GrainKeys.Tenant("restart-overrides");
        var roster = Command(new RosterSet
        {
            NodeId = "branch-a",
            Roster = new RosterFigures
            {
                EffectiveFrom = new DateOnly(2025, 1, 1), CommitteeMembers = 1, Members = 2, VotingMembers = 2,
                CommitteeNames = ["王书记"], MemberNames = ["王书记", "张三"],
            },
        }, "roster-named");
        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var tenant = await SampleTree(cluster.Client.GetGrain<ITenantGrain>(key));
            await tenant.SetRoster(roster);
            await tenant.SetObligationOverrides(Set("o-1", Monthly));
        }

        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var tenant = cluster.Client.GetGrain<ITenantGrain>(key);
            Assert.Equal(Monthly, Assert.Single((await tenant.GetObligations()).Overrides!.Overrides));
            Assert.True((await tenant.SetObligationOverrides(Set("o-1", Monthly))).Replayed);
            Assert.True((await tenant.SetRoster(roster with { Change = roster.Change with { Roster = roster.Change.Roster with { MemberNames = ["王书记", "张三"] } } })).Replayed);
            Assert.Equal(["王书记"], (await tenant.GetRosterAt("branch-a", new DateOnly(2025, 6, 1)))!.Roster.CommitteeNames);
        }
    }
}
