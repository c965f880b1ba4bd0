using System.Text.Json.Nodes;
using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using MeetingKind = BranchLedger.Domain.Ledger.MeetingKind;
using static BranchLedger.Integration.Tests.Scoring.ScoringCalls;

namespace BranchLedger.Integration.Tests.Scoring;

/// <summary>
/// 1,000 real branch ledgers in 20 tenants score themselves from their records and push; the city
/// ranking read through the gateway equals a brute-force sort of every branch's own score — at first,
/// after a new rubric version is published and rescored, and after the ranking state is lost and rebuilt.
/// </summary>
public sealed class CityScoringEndToEndTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int Tenants = 20;
    private const int BranchesPerTenant = 50;
    private const string Period = "2025";

    [Fact]
    public async Task The_city_ranking_equals_a_brute_force_sort_of_every_branch_score()
    {
        var branches = await LoadCityAsync();

        await AssertRankingMatchesAsync(branches, rubricVersion: 1);
        await AssertOrganisationScoreAsync("city-t03", rubricVersion: 1);

        var next = await PublishThemeDaysOnlyAsync(fixture, "publish-theme-days");
        await WaitForRescoringAsync(fixture, next, Tenants * BranchesPerTenant, TimeSpan.FromMinutes(5));
        await AssertRankingMatchesAsync(branches, rubricVersion: 2);

        // Lost: every shard of the serving version cleared in memory and storage; nothing left to read.
        var tenants = branches.Select(b => b.Tenant).Distinct().ToList();
        await RankingPush.ResetAsync(fixture.Grains, next, Period, tenants);
        var empty = await fixture.Ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = Period }, Supervisor);
        Assert.Equal(0, empty.RankedCount);

        var rebuild = await fixture.Rubrics.RebuildRankingsAsync(new RebuildRankingsRequest(), Supervisor);
        Assert.Equal(next, rebuild.Status.VersionKey);
        await WaitForRescoringAsync(fixture, next, Tenants * BranchesPerTenant, TimeSpan.FromMinutes(5));
        await AssertRankingMatchesAsync(branches, rubricVersion: 2);
    }

    // Each branch holds a seeded number of committee meetings and theme days in 2025, so scores spread
    // widely and many tie (ties are broken by tenant id, then node id).
    private async Task<List<(string Tenant, string Node)>> LoadCityAsync()
    {
        var branches = Enumerable.Range(0, Tenants)
            .SelectMany(t => Enumerable.Range(0, BranchesPerTenant).Select(b => ($"city-t{t:D2}", $"branch-{b:D3}")))
            .ToList();
        await Task.WhenAll(branches.GroupBy(b => b.Item1).Select(async tenant =>
        {
            var random = new Random(int.Parse(tenant.Key["city-t".Length..], System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (t, node) in tenant)
            {
                await Nodes.EnsureAsync(fixture.Grains, t, node, members: 10);
                var committee = random.Next(0, 13);
                var themeDays = random.Next(0, 13);
                var commands = Enumerable.Range(1, committee).Select(m => Meeting($"c-{m}", MeetingKind.BranchCommitteeMeeting, m))
                    .Concat(Enumerable.Range(1, themeDays).Select(m => Meeting($"t-{m}", MeetingKind.ThemeDay, m)))
                    .ToList();
                if (commands.Count > 0)
                {
                    var results = await fixture.Grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(t, node)).AppendBatch(commands);
                    Assert.All(results, r => Assert.True(
                        r.Outcome == Contracts.Ledger.ImportOutcome.Accepted, string.Join("; ", r.Errors.Select(e => $"{e.Field}: {e.Description}"))));
                }
            }
        }));
        return branches;
    }

    private async Task AssertRankingMatchesAsync(List<(string Tenant, string Node)> branches, int rubricVersion)
    {
        var expected = new List<(double Total, string Tenant, string Node)>();
        foreach (var (tenant, node) in branches)
        {
            var sheet = await fixture.Grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(tenant, node)).GetScore(Period, rubricVersion);
            expected.Add((sheet.Total!.Value, tenant, node));
        }

        expected = [.. expected
            .OrderByDescending(e => Math.Round(e.Total * 100))
            .ThenBy(e => e.Tenant, StringComparer.Ordinal)
            .ThenBy(e => e.Node, StringComparer.Ordinal)];
        Assert.True(expected.Select(e => e.Total).Distinct().Count() > 20, "scores should spread");

        // Pushes are asynchronous: wait until the ranking has caught up, then it must match exactly.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        List<(double Total, string Tenant, string Node)> actual;
        while (true)
        {
            actual = await ReadRankingAsync(fixture, Period);
            if (actual.SequenceEqual(expected) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal(branches.Count, actual.Count);
        Assert.Equal(expected.Take(50), actual.Take(50));
        Assert.Equal(expected, actual);
    }

    // The party group's score is the plain mean of its branches' totals, with the spread.
    private async Task AssertOrganisationScoreAsync(string tenant, int rubricVersion)
    {
        var totals = new List<double>();
        for (var b = 0; b < BranchesPerTenant; b++)
        {
            totals.Add((await fixture.Grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(tenant, $"branch-{b:D3}")).GetScore(Period, rubricVersion)).Total!.Value);
        }

        var score = await fixture.Ranking.GetOrganisationScoreAsync(
            new GetOrganisationScoreRequest { NodeId = Nodes.Root, Period = Period }, GatewayHost.As(tenant, "secretary"));
        Assert.Equal(BranchesPerTenant, score.BranchCount);
        Assert.Equal(Math.Round(totals.Average(), 2), score.Mean, 2);
        Assert.Equal(totals.Min(), score.Min, 2);
        Assert.Equal(totals.Max(), score.Max, 2);
        var mean = totals.Average();
        Assert.Equal(Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / totals.Count), score.StandardDeviation, 2);
        Assert.NotEmpty(score.Grade);
        Assert.Equal(score.Branches.Select(b => b.Total).OrderDescending(), score.Branches.Select(b => b.Total));
    }
}
