using System.Text.Json.Nodes;
using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using Npgsql;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;
using MeetingKind = BranchLedger.Domain.Ledger.MeetingKind;
using static BranchLedger.Integration.Tests.Scoring.ScoringCalls;

namespace BranchLedger.Integration.Tests.Scoring;

/// <summary>
/// Ledgers store their score inputs when they change; a rebuild after the ranking is lost, and the
/// rescoring of a new rubric version, score every branch from those rows without activating a single
/// ledger — except one whose row is gone, which is asked and writes its row again (the backfill).
/// </summary>
public sealed class ScoreInputsRebuildTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int Tenants = 4;
    private const int BranchesPerTenant = 15;
    private const string Period = "2025";

    [Fact]
    public async Task A_rebuild_and_a_republish_score_from_stored_inputs_without_waking_ledgers()
    {
        var branches = await LoadAsync();
        var keys = branches.Select(b => GrainKeys.Ledger(b.Tenant, b.Node)).ToArray();
        await WaitAsync(async () => await StoredRowsAsync(keys) == keys.Length, "every ledger stored its score inputs");
        var before = await RankingMatchingLedgersAsync(branches, rubricVersion: 1);

        // One ledger's row is lost: the rebuild must ask that ledger, and only that one.
        var (lostTenant, lostNode) = branches[7];
        var lost = GrainKeys.Ledger(lostTenant, lostNode);
        Assert.Equal(1, await ExecuteAsync(fixture.ConnectionString, "DELETE FROM branchledger_score_inputs WHERE ledger = $1", new NpgsqlParameter { Value = lost }));

        await LedgerActivations.DeactivateAllAsync(fixture.Grains);
        var serving = (await fixture.Rubrics.GetRubricAsync(new GetRubricRequest(), Supervisor)).Rubric.VersionKey;
        await RankingPush.ResetAsync(fixture.Grains, serving, Period, branches.Select(b => b.Tenant).Distinct());
        Assert.Equal(0, (await fixture.Ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = Period }, Supervisor)).RankedCount);

        var rebuild = await fixture.Rubrics.RebuildRankingsAsync(new RebuildRankingsRequest(), Supervisor);
        Assert.Equal(serving, rebuild.Status.VersionKey);
        await WaitForRescoringAsync(fixture, serving, branches.Count, TimeSpan.FromMinutes(3));

        Assert.Equal(1, await LedgerActivations.CountAsync(fixture.Grains));
        Assert.Equal(1, await StoredRowsAsync([lost]));
        await WaitAsync(async () => (await ReadRankingAsync(fixture, Period)).SequenceEqual(before), "the rebuilt ranking equals the one before");
        Assert.Equal(before, await ReadRankingAsync(fixture, Period));

        // A new rubric version rescales every branch from the same rows, still without a ledger.
        await LedgerActivations.DeactivateAllAsync(fixture.Grains);
        var next = await PublishThemeDaysOnlyAsync(fixture, "publish-theme-days-inputs");
        await WaitForRescoringAsync(fixture, next, branches.Count, TimeSpan.FromMinutes(3));
        Assert.Equal(0, await LedgerActivations.CountAsync(fixture.Grains));
        var after = await RankingMatchingLedgersAsync(branches, rubricVersion: 2);
        Assert.NotEqual(before.Select(r => r.Total), after.Select(r => r.Total));
    }

    // The bulk read's freshness check must find each row's journal by the journal's primary key: the
    // inputs' key is COLLATE "C" and the journal's is not, and compared as they were the index did not
    // apply (each row scanned the whole journal, 10 s a page of 500 at 1,000 branches). Sequential scans
    // are priced out so the plan shows an index either way; only a usable one has the ledger as its condition.
    [Fact]
    public async Task The_bulk_read_finds_each_rows_journal_by_the_journals_primary_key()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + global::BranchLedger.Grains.Scoring.PostgresScoreInputStore.PageQuery, connection);
        explain.Parameters.Add(new NpgsqlParameter { Value = "" });
        explain.Parameters.Add(new NpgsqlParameter { Value = 500 });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join('\n', plan);
        Assert.Contains(plan, line => line.Contains("Index Cond: ((ledger = ", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("Filter: (ledger = ", StringComparison.Ordinal) || line.Contains("Seq Scan on branchledger_journal", StringComparison.Ordinal));
        Assert.Contains("branchledger_journal_pkey", text, StringComparison.Ordinal);
    }

    // Each branch holds a seeded number of committee meetings and theme days in 2025, so scores spread.
    private async Task<List<(string Tenant, string Node)>> LoadAsync()
    {
        var branches = Enumerable.Range(0, Tenants)
            .SelectMany(t => Enumerable.Range(0, BranchesPerTenant).Select(b => ($"inputs-t{t:D2}", $"branch-{b:D3}")))
            .ToList();
        var random = new Random(20);
        foreach (var (tenant, node) in branches)
        {
            await Nodes.EnsureAsync(fixture.Grains, tenant, node, members: 10);
            var commands = Enumerable.Range(1, random.Next(0, 13)).Select(m => Meeting($"c-{m}", MeetingKind.BranchCommitteeMeeting, m))
                .Concat(Enumerable.Range(1, random.Next(0, 13)).Select(m => Meeting($"t-{m}", MeetingKind.ThemeDay, m)))
                .ToList();
            if (commands.Count > 0)
            {
                var results = await fixture.Grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(tenant, node)).AppendBatch(commands);
                Assert.All(results, r => Assert.Equal(Contracts.Ledger.ImportOutcome.Accepted, r.Outcome));
            }
        }

        return branches;
    }

    // Waits until the ranking equals a brute-force sort of every ledger's own score (which wakes the
    // ledgers), and returns it.
    private async Task<List<(double Total, string Tenant, string Node)>> RankingMatchingLedgersAsync(List<(string Tenant, string Node)> branches, int rubricVersion)
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
        Assert.True(expected.Select(e => e.Total).Distinct().Count() > 5, "scores should spread");
        await WaitAsync(async () => (await ReadRankingAsync(fixture, Period)).SequenceEqual(expected), $"the ranking of rubric {rubricVersion} equals the ledgers' scores");
        return expected;
    }

    private Task<long> StoredRowsAsync(string[] ledgers) => ScalarAsync<long>(
        fixture.ConnectionString, "SELECT count(*) FROM branchledger_score_inputs WHERE ledger = ANY($1) AND format = 1", new NpgsqlParameter { Value = ledgers });

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting: {what}");
            await Task.Delay(250);
        }
    }
}
