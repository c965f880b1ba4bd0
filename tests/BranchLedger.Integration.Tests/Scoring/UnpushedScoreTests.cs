using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Grains.Ledger;
using BranchLedger.Integration.Tests.Infrastructure;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;
using MeetingKind = BranchLedger.Domain.Ledger.MeetingKind;
using static BranchLedger.Integration.Tests.Scoring.ScoringCalls;

namespace BranchLedger.Integration.Tests.Scoring;

/// <summary>
/// A ledger pushes its scores once per window after writes, so an activation can end (a crash, a lost
/// snapshot) with writes acknowledged and their push not yet made. The journal's tail beyond the snapshot
/// holds exactly those writes, and the next activation pushes their periods: no score is lost. The score
/// inputs a rebuild reads are stored later still, and the same holds for them.
/// </summary>
public sealed class UnpushedScoreTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "unpushed-t";
    private const string Node = "branch-unpushed";
    private const string Period = "2025";
    private const string SavingNode = "branch-inputs-saving";

    [Fact]
    public async Task An_activation_pushes_the_scores_of_the_records_beyond_its_snapshot()
    {
        var key = GrainKeys.Ledger(Tenant, Node);
        await Nodes.EnsureAsync(fixture.Grains, Tenant, Node, members: 10);
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(key);
        var results = await ledger.AppendBatch([.. Enumerable.Range(1, 6).Select(m => Meeting($"c-{m}", MeetingKind.BranchCommitteeMeeting, m))]);
        Assert.All(results, r => Assert.Equal(Contracts.Ledger.ImportOutcome.Accepted, r.Outcome));

        // The scores of the six records: a deactivation pushes what is pending, and the row is read once it
        // holds still (the node's creation pushed a score of its own before the batch, which the first
        // visible row may still be).
        await LedgerActivations.DeactivateAllAsync(fixture.Grains);
        var pushed = await SettledRowAsync();
        Assert.NotNull(pushed);

        // As after a crash before the push: the activation is gone, no snapshot holds the records, and
        // the rankings never heard of them.
        await ExecuteAsync(fixture.ConnectionString, "DELETE FROM orleansstorage WHERE graintypestring = @state AND grainidextensionstring = @key",
            P("state", LedgerGrain.StateName), P("key", key));
        var serving = (await fixture.Rubrics.GetRubricAsync(new GetRubricRequest(), Supervisor)).Rubric.VersionKey;
        await RankingPush.ResetAsync(fixture.Grains, serving, Period, [Tenant]);
        Assert.Null(await WaitForRowAsync(row => row is null));

        // A read wakes the ledger; nothing is written, yet its scores come back as they were.
        Assert.Equal(6, (await ledger.ListRecords(new RecordQuery { PageSize = 100 })).Records.Count);
        Assert.Equal(pushed, await WaitForRowAsync(row => row == pushed));
    }

    // A busy ledger stores the score inputs a rebuild reads at most once per LedgerGrain.ScoreInputsInterval,
    // not after every push. What its last pushes left unsaved is stored when the interval is over, with no
    // further write, and at once when the ledger deactivates — so an idle city's rows are all fresh and a
    // rebuild reads them instead of waking ledgers.
    [Fact]
    public async Task A_burst_of_writes_is_stored_once_the_interval_is_over_and_a_deactivation_stores_what_is_left()
    {
        var key = GrainKeys.Ledger(Tenant, SavingNode);
        await Nodes.EnsureAsync(fixture.Grains, Tenant, SavingNode, members: 10);
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(key);

        // A burst of single writes: the first push stores the inputs, the next ones within the interval do not.
        for (var month = 1; month <= 6; month++)
        {
            await ledger.Append(Meeting($"saving-{month}", MeetingKind.BranchCommitteeMeeting, month));
        }

        // With the ledger still active and no further write, the row catches up with the journal.
        var deadline = DateTime.UtcNow + LedgerGrain.ScoreInputsInterval + TimeSpan.FromSeconds(20);
        while (!await FreshAsync(key))
        {
            Assert.True(DateTime.UtcNow < deadline, "the inputs left unsaved by the burst were never stored while the ledger stayed active");
            await Task.Delay(100);
        }

        Assert.Equal(6, await JournalRowsAsync(key));

        // Right after that save a write is inside the interval; the deactivation stores it.
        await ledger.Append(Meeting("saving-7", MeetingKind.BranchCommitteeMeeting, 7));
        await LedgerActivations.DeactivateAllAsync(fixture.Grains);
        Assert.True(await FreshAsync(key), "the deactivation did not store the inputs of the last write");
        Assert.Equal(7, await JournalRowsAsync(key));
    }

    // The stored row includes the journal's last record (what a rebuild calls fresh).
    private Task<bool> FreshAsync(string key) => ScalarAsync<bool>(
        fixture.ConnectionString,
        """
        SELECT coalesce((SELECT last_seq FROM branchledger_score_inputs WHERE ledger = @key), -1)
            >= (SELECT max(seq) FROM branchledger_journal WHERE ledger = @key)
        """,
        P("key", key));

    private Task<long> JournalRowsAsync(string key) =>
        ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM branchledger_journal WHERE ledger = @key", P("key", key));

    // The row once ten reads 100 ms apart (20 push windows) agree; null if none appears within the deadline.
    private async Task<(double Total, string Tenant, string Node)?> SettledRowAsync()
    {
        var (last, same) = (await WaitForRowAsync(row => row is not null), 0);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); last is not null && same < 10 && DateTime.UtcNow < deadline; )
        {
            await Task.Delay(100);
            var row = await WaitForRowAsync(_ => true);
            (last, same) = row == last ? (last, same + 1) : (row, 0);
        }

        return last;
    }

    private async Task<(double Total, string Tenant, string Node)?> WaitForRowAsync(Func<(double Total, string Tenant, string Node)?, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var row = (await ReadRankingAsync(fixture, Period)).Where(r => r.Tenant == Tenant && r.Node == Node).Select(r => ((double, string, string)?)r).FirstOrDefault();
            if (done(row) || DateTime.UtcNow > deadline)
            {
                return row;
            }

            await Task.Delay(100);
        }
    }
}
