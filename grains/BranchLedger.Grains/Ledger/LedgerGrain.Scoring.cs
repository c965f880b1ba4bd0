using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Scoring;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

// Scores: the domain computes them, ScorePublisher pushes them to the rankings after writes (on a
// timer in this grain's turns, at most once per ScorePublisher.Window, so a burst of writes is one push).
// No acknowledged write's score is lost to a deactivation or a crash before its push: a deactivation
// (or a seal) pushes what is pending first; a snapshot is written only after a push, so every record
// in the journal's tail beyond the snapshot may be unpushed, and an activation pushes their periods.
public sealed partial class LedgerGrain
{
    private ScorePublisher? _scores;
    private IGrainTimer? _scoreTimer;

    private ScorePublisher Scores => _scores ??= new ScorePublisher(GrainFactory, scoreInputs, clock, logger, this.GetPrimaryKeyString());

    // What scores are computed from now; null until the directory knows the node.
    private ScoringSource? Source => Node is { } node
        ? new ScoringSource(Tenant, node, _ledger, year => Store.BookAsync(_ledger, year), Today(), Store.SealedYears)
        : null;

    private void ScoreLater(IEnumerable<LedgerRecord> records)
    {
        Scores.Touched(_ledger.DatesTouchedBy(records));
        _scoreTimer ??= this.RegisterGrainTimer(ScoreNowAsync, Scores.Delay(), Timeout.InfiniteTimeSpan);
    }

    private void ScoreEveryPeriodLater()
    {
        Scores.TouchedEveryPeriod();
        ScoreLater([]);
    }

    private async Task ScoreNowAsync(CancellationToken cancellationToken)
    {
        _scoreTimer?.Dispose();
        _scoreTimer = null;
        await Scores.PublishTouchedAsync(Source);

        // Every record so far was pushed (or its push failed and was logged): a snapshot now cannot hide
        // an unpushed record from the next activation, which pushes only what lies beyond its snapshot.
        await Store.SnapshotNowAndThenAsync();
    }

    // Before a deactivation or a seal's snapshot: what writes left pending is pushed now, not lost.
    private Task FlushScoresAsync() => Scores.Pending ? ScoreNowAsync(CancellationToken.None) : Task.CompletedTask;

    /// <inheritdoc />
    public Task<ScoreSheetView> GetScore(string period, int rubricVersion)
    {
        _ledger.RequireNode();
        return Scores.ScoreAsync(Source!, LedgerAggregate.PeriodOf(period), rubricVersion);
    }

    /// <inheritdoc />
    public Task Rescore(PublishedRubric rubric) => Scores.RescoreAsync(Source, rubric);
}
