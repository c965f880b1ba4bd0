using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using static BranchLedger.Integration.Tests.Rankings.RankingApiAssert;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>WatchRanking: the current view first, then the view again after every change.</summary>
[Collection(RankingGatewayCollection.Name)]
public sealed class RankingWatchApiTests(RankingGatewayFixture fixture)
{
    private readonly RankingService.RankingServiceClient _ranking = fixture.Ranking;

    private static async Task<WatchRankingResponse> NextAsync(IAsyncStreamReader<WatchRankingResponse> stream, Func<WatchRankingResponse, bool> wanted, CancellationToken cancellation)
    {
        while (await stream.MoveNext(cancellation))
        {
            if (wanted(stream.Current))
            {
                return stream.Current;
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }

    [Fact]
    public async Task A_watcher_gets_the_current_top_and_then_every_change_pushed_to_it()
    {
        await fixture.PushAsync(Score("tenant-a", "branch-w1", "2022", 70), Score("tenant-b", "branch-w2", "2022", 60));
        using var timeout = new CancellationTokenSource(Poll.Generous);
        using var call = _ranking.WatchRanking(new WatchRankingRequest { Period = "2022", TopN = 2 }, TestCredentials.Supervisor("tenant-a"), cancellationToken: timeout.Token);
        using var second = _ranking.WatchRanking(new WatchRankingRequest { Period = "2022", TopN = 2 }, TestCredentials.Supervisor("tenant-b"), cancellationToken: timeout.Token);

        var first = await NextAsync(call.ResponseStream, v => v.RankedCount == 2, timeout.Token);
        Assert.Equal(["branch-w1", "branch-w2"], first.Branches.Select(b => b.NodeId));
        Assert.Equal(Rubric, first.RubricVersion);

        // A new leader, and a branch that stays below the top two (the view still changes: its count).
        await fixture.PushAsync(Score("tenant-c", "branch-w3", "2022", 99), Score("tenant-c", "branch-w4", "2022", 10));
        var changed = await NextAsync(call.ResponseStream, v => v.RankedCount == 4, timeout.Token);
        Assert.Equal([("branch-w3", 1L), ("branch-w1", 2L)], changed.Branches.Select(b => (b.NodeId, b.Rank)));

        // A rescore moves the leader down.
        await fixture.PushAsync(Score("tenant-c", "branch-w3", "2022", 65, version: 2));
        var moved = await NextAsync(call.ResponseStream, v => v.Branches[0].NodeId == "branch-w1", timeout.Token);
        Assert.Equal(["branch-w1", "branch-w3"], moved.Branches.Select(b => b.NodeId));

        // A second watcher of the same view shares its feed and sees the same latest view.
        var shared = await NextAsync(second.ResponseStream, v => v.Branches.Count > 0 && v.Branches[0].NodeId == "branch-w1" && v.RankedCount == 4, timeout.Token);
        Assert.Equal(moved, shared);
    }

    [Fact]
    public async Task A_tenant_watch_sees_the_callers_branches_only()
    {
        await fixture.PushAsync(Score("tenant-a", "branch-t1", "2022-Q1", 50), Score("tenant-b", "branch-t2", "2022-Q1", 90));
        using var timeout = new CancellationTokenSource(Poll.Generous);
        using var call = _ranking.WatchRanking(new WatchRankingRequest { Period = "2022-Q1", Scope = RankingScope.Tenant }, TestCredentials.Supervisor("tenant-a"), cancellationToken: timeout.Token);

        var view = await NextAsync(call.ResponseStream, v => v.RankedCount == 1, timeout.Token);

        Assert.Equal(["tenant-a/branch-t1"], view.Branches.Select(b => $"{b.TenantId}/{b.NodeId}"));
    }

    [Fact]
    public async Task A_malformed_watch_is_refused_with_every_field_violation()
    {
        using var call = _ranking.WatchRanking(
            new WatchRankingRequest { Period = "", TopN = 101, IndicatorId = "?", Scope = (RankingScope)7 }, TestCredentials.Supervisor("tenant-a"));

        await InvalidAsync(() => call.ResponseStream.MoveNext(), "indicator_id", "period", "scope", "top_n");
    }
}
