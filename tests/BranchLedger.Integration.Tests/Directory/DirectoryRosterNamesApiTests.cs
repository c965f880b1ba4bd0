using BranchLedger.Api.V1;
using static BranchLedger.Integration.Tests.OrgDirectory.DirectoryRequests;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>Rosters that name their people (for 谈心谈话 coverage), over real gRPC through the gateway host.</summary>
[Collection(DirectoryGatewayCollection.Name)]
public sealed class DirectoryRosterNamesApiTests(DirectoryGatewayFixture fixture)
{
    private readonly DirectoryService.DirectoryServiceClient _directory = fixture.Directory;

    private static SetRosterRequest Named(string[] committee, string[] members, string? requestId = null, string secretary = "王书记")
    {
        var request = Roster("branch-a", requestId: requestId);
        request.Secretary = secretary;
        request.CommitteeMembers = committee.Length;
        request.Members = members.Length;
        request.VotingMembers = members.Length;
        request.CommitteeNames.AddRange(committee);
        request.MemberNames.AddRange(members);
        return request;
    }

    [Fact]
    public async Task Names_are_kept_trimmed_and_read_back_in_lists_and_history()
    {
        var who = await SampleTenant(_directory);
        var set = await _directory.SetRosterAsync(Named([" 王书记", "李委员"], ["王书记", "李委员 ", "张三"]), who);

        var listed = Assert.Single((await _directory.ListRostersAsync(new ListRostersRequest { NodeId = "branch-a" }, who)).Rosters);
        var history = (await _directory.ListNodeHistoryAsync(new ListNodeHistoryRequest { NodeId = "branch-a" }, who)).Changes;

        Assert.Equal(["王书记", "李委员"], set.Roster.CommitteeNames);
        Assert.Equal(["王书记", "李委员", "张三"], listed.MemberNames);
        Assert.Equal(set.Roster, listed);
        Assert.Equal(listed, history.Last().RosterSet);
    }

    [Fact]
    public async Task A_named_roster_replays_by_request_id_and_other_names_conflict()
    {
        var who = await SampleTenant(_directory);
        var request = Named(["王书记"], ["王书记", "张三"], "named-1");

        var first = await _directory.SetRosterAsync(request, who);
        var again = await _directory.SetRosterAsync(request, who);
        var other = await Fails(_directory.SetRosterAsync(Named(["王书记"], ["王书记", "赵四"], "named-1"), who));

        Assert.True(again.Replayed);
        Assert.Equal(first.Roster, again.Roster);
        Assert.Equal("REQUEST_ID_REUSED", Precondition(other).Type);
        Assert.Single((await _directory.ListRostersAsync(new ListRostersRequest(), who)).Rosters);
    }

    [Fact]
    public async Task Bad_name_lists_are_refused_with_every_field_and_nothing_is_recorded()
    {
        var who = await SampleTenant(_directory);
        var request = Named(["王书记", "钱五"], ["王书记", "张三", " 张三", ""], secretary: "孙书记");
        request.Members = 5;

        var error = await Fails(_directory.SetRosterAsync(request, who));

        Assert.Equal(["member_names", "member_names[2]", "member_names[3]"], Fields(error));
        Assert.Empty((await _directory.ListRostersAsync(new ListRostersRequest(), who)).Rosters);
    }

    [Theory]
    [InlineData(new[] { "王书记", "钱五" }, new[] { "王书记", "张三" }, "王书记", "committee_names[1]")]
    [InlineData(new[] { "王书记" }, new[] { "王书记", "张三" }, "孙书记", "secretary")]
    [InlineData(new[] { "王书记" }, new string[0], "王书记", "member_names")]
    [InlineData(new[] { "王书记", "王书记" }, new[] { "王书记", "张三" }, "王书记", "committee_names[1]")]
    public async Task Committee_names_are_members_and_include_a_named_secretary(string[] committee, string[] members, string secretary, string field)
    {
        var who = await SampleTenant(_directory);
        var request = Named(committee, members, secretary: secretary);
        request.Members = Math.Max(members.Length, committee.Length);
        request.VotingMembers = request.Members;

        Assert.Equal([field], Fields(await Fails(_directory.SetRosterAsync(request, who))));
    }

    [Fact]
    public async Task Counts_must_match_the_names_given()
    {
        var who = await SampleTenant(_directory);
        var request = Named(["王书记"], ["王书记", "张三"]);
        request.CommitteeMembers = 2;

        Assert.Equal(["committee_names"], Fields(await Fails(_directory.SetRosterAsync(request, who))));
    }
}
