using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Scoring;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

// Scores: the domain computes them, ScorePublisher pushes them to the rankings after writes (on a
// timer in this grain's turns, so bursts of writes are scored once).
public sealed partial class LedgerGrain
{
    private ScorePublisher? _scores;
    private IGrainTimer? _scoreTimer;

    private ScorePublisher Scores => _scores ??= new ScorePublisher(GrainFactory, scoreInputs, clock, logger, this.GetPrimaryKeyString());

    // What scores are computed from now; null until the directory knows the node.
    private ScoringSource? Source => Node is { } node
        ? new ScoringSource(GrainKeys.TenantOf(this.GetPrimaryKeyString()), node, _ledger, year => BookFor(year), Today(), Store.SealedYears)
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

    private Task ScoreNowAsync(CancellationToken cancellationToken)
    {
        _scoreTimer?.Dispose();
        _scoreTimer = null;
        return Scores.PublishTouchedAsync(Source);
    }

    /// <inheritdoc />
    public Task<ScoreSheetView> GetScore(string period, int rubricVersion)
    {
        _ledger.RequireNode();
        return Scores.ScoreAsync(Source!, LedgerAggregate.PeriodOf(period), rubricVersion);
    }

    /// <inheritdoc />
    public Task Rescore(PublishedRubric rubric) => Scores.RescoreAsync(Source, rubric);
}
