using BranchLedger.Api.V1;
using Grpc.Core;
using static BranchLedger.Integration.Tests.OrgDirectory.DirectoryRequests;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>SetRoster and ListRosters over real gRPC, through the gateway host.</summary>
[Collection(DirectoryGatewayCollection.Name)]
public sealed class DirectoryRosterApiTests(DirectoryGatewayFixture fixture)
{
    private readonly DirectoryService.DirectoryServiceClient _directory = fixture.Directory;

    private async Task<IReadOnlyList<Roster>> Rosters(Metadata who, string nodeId = "") =>
        (await _directory.ListRostersAsync(new ListRostersRequest { NodeId = nodeId }, who)).Rosters;

    [Fact]
    public async Task A_roster_reads_back_as_recorded_with_who_and_when()
    {
        var who = await SampleTenant(_directory);
        var request = Roster("branch-a");
        var set = await _directory.SetRosterAsync(request, who);

        var listed = Assert.Single(await Rosters(who, "branch-a"));

        Assert.False(set.Replayed);
        Assert.Equal(set.Roster, listed);
        Assert.Equal(request.EffectiveFrom, listed.EffectiveFrom);
        Assert.Equal(("王书记", 5, 30, 28), (listed.Secretary, listed.CommitteeMembers, listed.Members, listed.VotingMembers));
        Assert.Equal((request.RequestId, "party-office"), (listed.RequestId, listed.RecordedBy));
        Assert.NotNull(listed.RecordedAt);
    }

    [Fact]
    public async Task The_same_request_id_twice_records_one_roster()
    {
        var who = await SampleTenant(_directory);
        var request = Roster("branch-a", requestId: "roster-1");
        var first = await _directory.SetRosterAsync(request, who);
        var again = await _directory.SetRosterAsync(request, who);

        Assert.True(again.Replayed);
        Assert.Equal(first.Roster, again.Roster);
        Assert.Single(await Rosters(who));
    }

    [Fact]
    public async Task A_request_id_reused_for_other_counts_fails_the_precondition()
    {
        var who = await SampleTenant(_directory);
        await _directory.SetRosterAsync(Roster("branch-a", requestId: "roster-1"), who);

        var error = await Fails(_directory.SetRosterAsync(Roster("branch-a", members: 31, requestId: "roster-1"), who));

        Assert.Equal("REQUEST_ID_REUSED", Precondition(error).Type);
        Assert.Equal(30, Assert.Single(await Rosters(who)).Members);
    }

    [Fact]
    public async Task An_invalid_roster_lists_every_field_and_records_nothing()
    {
        var who = await SampleTenant(_directory);
        var request = new SetRosterRequest
        {
            RequestId = "",
            NodeId = "Branch A",
            EffectiveFrom = new Google.Type.Date { Year = 2026, Month = 2, Day = 30 },
            Secretary = "王\n书记",
            CommitteeMembers = -1,
            Members = 100_001,
            VotingMembers = -2,
        };

        var error = await Fails(_directory.SetRosterAsync(request, who));

        Assert.Equal(["committee_members", "effective_from", "members", "node_id", "request_id", "secretary", "voting_members"], Fields(error));
        Assert.Empty(await Rosters(who));
    }

    [Theory]
    [InlineData(1999, 5, 8, 7, "effective_from")]
    [InlineData(9999, 5, 8, 7, "effective_from")]
    [InlineData(2026, 5, 8, 9, "voting_members")]
    [InlineData(2026, 9, 8, 7, "committee_members")]
    [InlineData(2026, 101, 200, 7, "committee_members")]
    public async Task Absurd_dates_and_counts_beyond_members_are_refused(int year, int committee, int members, int voting, string field)
    {
        var who = await SampleTenant(_directory);
        var request = Roster("branch-a", year);
        request.CommitteeMembers = committee;
        request.Members = members;
        request.VotingMembers = voting;

        Assert.Equal([field], Fields(await Fails(_directory.SetRosterAsync(request, who))));
    }

    [Fact]
    public async Task A_missing_effective_date_is_a_field_violation()
    {
        var who = await SampleTenant(_directory);
        var request = Roster("branch-a");
        request.EffectiveFrom = null;

        Assert.Equal(["effective_from"], Fields(await Fails(_directory.SetRosterAsync(request, who))));
    }

    [Fact]
    public async Task A_vacant_secretary_and_zero_counts_are_a_valid_roster()
    {
        var who = await SampleTenant(_directory);
        var request = new SetRosterRequest
        {
            RequestId = "empty", NodeId = "group-a", EffectiveFrom = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 },
        };

        var set = await _directory.SetRosterAsync(request, who);

        Assert.Equal(("", 0, 0, 0), (set.Roster.Secretary, set.Roster.CommitteeMembers, set.Roster.Members, set.Roster.VotingMembers));
    }

    [Fact]
    public async Task Rosters_go_to_known_open_nodes_only()
    {
        var who = await SampleTenant(_directory);
        await _directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "close-g", NodeId = "group-a", Reason = "撤并" }, who);

        var closed = await Fails(_directory.SetRosterAsync(Roster("group-a"), who));
        var missing = await Fails(_directory.SetRosterAsync(Roster("nowhere"), who));
        var unregistered = await Fails(_directory.SetRosterAsync(Roster("branch-a"), As(NewTenantId())));

        Assert.Equal(("NODE_CLOSED", "node_id"), (Precondition(closed).Type, Precondition(closed).Subject));
        Assert.Equal("nowhere", Resource(missing, StatusCode.NotFound).ResourceName);
        Assert.Equal("TENANT_NOT_REGISTERED", Precondition(unregistered).Type);
    }

    [Fact]
    public async Task Rosters_list_in_recording_order_for_all_nodes_or_one_and_page()
    {
        var who = await SampleTenant(_directory);
        await _directory.SetRosterAsync(Roster("branch-a", 2024), who);
        await _directory.SetRosterAsync(Roster("group-a", 2024, members: 8), who);
        await _directory.SetRosterAsync(Roster("branch-a", 2025, members: 31), who);
        await _directory.SetRosterAsync(Roster("branch-a", 2026, members: 32), who);

        var all = await Rosters(who);
        var branch = new List<Roster>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await _directory.ListRostersAsync(new ListRostersRequest { NodeId = "branch-a", PageSize = 2, PageToken = token }, who);
            branch.AddRange(page.Rosters);
            token = page.NextPageToken;
            pages++;
        }
        while (token != "");

        Assert.Equal(["branch-a", "group-a", "branch-a", "branch-a"], all.Select(r => r.NodeId));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.Equal(2, pages);
        Assert.Equal([30, 31, 32], branch.Select(r => r.Members));
    }

    [Fact]
    public async Task Listing_refuses_bad_node_ids_and_answers_not_found_for_unknown_ones()
    {
        var who = await SampleTenant(_directory);
        var invalid = await Fails(_directory.ListRostersAsync(new ListRostersRequest { NodeId = "X", PageSize = -1 }, who));
        var missing = await Fails(_directory.ListRostersAsync(new ListRostersRequest { NodeId = "nowhere" }, who));

        Assert.Equal(["node_id", "page_size"], Fields(invalid));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }
}
