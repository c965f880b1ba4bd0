using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger;
using BranchLedger.Integration.Tests.Infrastructure;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;
using MeetingKind = BranchLedger.Domain.Ledger.MeetingKind;
using static BranchLedger.Integration.Tests.Scoring.ScoringCalls;

namespace BranchLedger.Integration.Tests.Scoring;

/// <summary>
/// A busy ledger stores the score inputs a rebuild reads at most once per
/// <see cref="LedgerGrain.ScoreInputsInterval"/>, not after every push. What its last pushes left unsaved is
/// stored when the interval is over, with no further write, and at once when the ledger deactivates —
/// so an idle city's rows are all fresh and a rebuild reads them instead of waking ledgers.
/// </summary>
public sealed class ScoreInputsSavingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "inputs-saving-t";
    private const string Node = "branch-inputs-saving";

    [Fact]
    public async Task A_burst_of_writes_is_stored_once_the_interval_is_over_and_a_deactivation_stores_what_is_left()
    {
        var key = GrainKeys.Ledger(Tenant, Node);
        await Nodes.EnsureAsync(fixture.Grains, Tenant, Node, members: 10);
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
        await DeactivateAsync();
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

    private async Task DeactivateAsync()
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("Ledger.LedgerGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the ledger was not deactivated");
            await management.ForceActivationCollection(TimeSpan.Zero);
            await Task.Delay(100);
        }
    }
}
