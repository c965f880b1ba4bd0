using System.Diagnostics;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using BranchLedger.Grains.Scoring;
using BranchLedger.Ledger;
using Microsoft.Extensions.Logging;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

// Scores: computed by the domain from the records, pushed to the rankings after every write, so a
// ranking read never has to ask a branch.
public sealed partial class LedgerGrain
{
    private IReadOnlyList<PublishedRubric> _scoringWith = [];
    private long _scoreVersion;
    private HashSet<DateOnly> _unscored = [];
    private bool _scoreEveryPeriod;
    private IGrainTimer? _scoreTimer;

    // Writes in quick succession (a batch, a burst of retries) are scored once: the push waits a
    // moment for more, well inside the rankings' freshness budget.
    private static readonly TimeSpan ScoreDebounce = TimeSpan.FromMilliseconds(5);

    // Scoring reads the whole year, so it costs more as the ledger grows, and it runs in the grain's
    // turn (writes wait for it). Under a burst of writes to one ledger it therefore runs at most once
    // per ScoreGapPerCost × its last duration — at most a tenth of the ledger's time — but never later
    // than MaxScoreDelay after a write, well inside the rankings' 200 ms freshness budget. A lone
    // write is scored after ScoreDebounce, as before.
    private const int ScoreGapPerCost = 10;
    private static readonly TimeSpan MaxScoreDelay = TimeSpan.FromMilliseconds(50);
    private long _lastScoredAt;
    private TimeSpan _lastScoringCost;

    private void ScoreLater(IEnumerable<LedgerRecord> records)
    {
        _unscored.UnionWith(_ledger.DatesTouchedBy(records));
        _scoreTimer ??= this.RegisterGrainTimer(ScoreNowAsync, ScoreDelay(), Timeout.InfiniteTimeSpan);
    }

    private TimeSpan ScoreDelay()
    {
        var wait = _lastScoringCost * ScoreGapPerCost - Stopwatch.GetElapsedTime(_lastScoredAt);
        return wait < ScoreDebounce ? ScoreDebounce : wait > MaxScoreDelay ? MaxScoreDelay : wait;
    }

    // A change of the node itself (created, roster, overrides, name) can move every period's score.
    private void ScoreEveryPeriodLater()
    {
        _scoreEveryPeriod = true;
        ScoreLater([]);
    }

    private async Task ScoreNowAsync(CancellationToken cancellationToken)
    {
        _scoreTimer?.Dispose();
        _scoreTimer = null;
        // A fresh set each time: a cleared one would keep the capacity of the largest batch for good.
        var dates = _unscored;
        var every = _scoreEveryPeriod;
        _unscored = [];
        _scoreEveryPeriod = false;
        var started = Stopwatch.GetTimestamp();
        await PublishScoresAsync(dates, every);
        _lastScoredAt = Stopwatch.GetTimestamp();
        _lastScoringCost = Stopwatch.GetElapsedTime(started, _lastScoredAt);
    }

    /// <inheritdoc />
    public async Task<ScoreSheetView> GetScore(string period, int rubricVersion)
    {
        var node = _ledger.RequireNode();
        var parsed = LedgerAggregate.PeriodOf(period);

        var published = await GrainFactory.GetGrain<IRubricGrain>(CityKeys.City).Get(rubricVersion)
            ?? throw new NotFoundException("branchledger.v1.RubricVersion", rubricVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), $"No rubric version {rubricVersion}.");
        var sheet = await ScoreAsync(node, Parsed(published).Rubric, parsed);
        return ScoreViews.Of(published.VersionKey, sheet);
    }

    /// <inheritdoc />
    public async Task Rescore(PublishedRubric rubric)
    {
        if (Node is not { IsClosed: false } node || !RescoringGrain.Ranked(node.Kind))
        {
            return;
        }

        // Writes from now on score with it too, until the daily refresh learns which version serves.
        if (!_scoringWith.Any(r => r.Version == rubric.Version))
        {
            _scoringWith = [.. (await ScoringRubricsAsync()).Select(r => r.Item1).Where(r => r.Version != rubric.Version).TakeLast(1), rubric];
        }

        await PushAsync(node, [Parsed(rubric)], RankedPeriods(Today()));
    }

    // After a write: the periods of the records' dates and of today (workflows and deadlines move
    // with time), for every rubric ledgers score with now. Failures are logged, never the writer's:
    // the write is acknowledged, and the next write or the daily reminder pushes again.
    private async Task PublishScoresAsync(IEnumerable<DateOnly> dates, bool everyPeriod = false)
    {
        if (Node is not { IsClosed: false } node || !RescoringGrain.Ranked(node.Kind))
        {
            return;
        }

        try
        {
            var today = Today();
            var periods = everyPeriod
                ? RankedPeriods(today)
                : dates.Append(today).Distinct()
                    .Where(d => d.Year >= today.Year - 1 && d <= today)
                    .SelectMany(d => new[] { Period.Year(d.Year), Period.Containing(d, PeriodKind.Quarter), Period.Containing(d, PeriodKind.Month) })
                    .Distinct();
            var rubrics = await ScoringRubricsAsync();
            await PushAsync(node, rubrics, periods);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Scores of {Grain} were not pushed", this.GetPrimaryKeyString());
        }
    }

    private async Task PushAsync(Contracts.Directory.LedgerNode node, IReadOnlyList<(PublishedRubric Published, Rubric Rubric)> rubrics, IEnumerable<Period> periods)
    {
        var tenant = GrainKeys.TenantOf(this.GetPrimaryKeyString());
        var scores = new List<BranchScore>();
        var bases = new Dictionary<int, ScoringBasis>();
        // A period that ended before the branch came into force has no score: the branch is not ranked
        // there (and leaves it, should an earlier roster once have let it in).
        var inForceFrom = ComplianceFacts.InForceFrom(node);
        var byCoverage = periods.ToLookup(p => UnitInForce.Coverage(p, inForceFrom) == PeriodCoverage.None);
        var before = byCoverage[true].ToList();
        foreach (var period in byCoverage[false])
        {
            // One basis per year, however many periods and rubrics are scored from it; the live
            // book's is kept by the aggregate between writes.
            if (!bases.TryGetValue(period.Start.Year, out var basis))
            {
                bases[period.Start.Year] = basis = _ledger.ScoringFor(await BookFor(period.Start.Year));
            }

            foreach (var (published, rubric) in rubrics)
            {
                var sheet = _ledger.Score(node, rubric, period, basis, Today());
                if (sheet.Total is not null)
                {
                    scores.Add(ScoreViews.ToBranchScore(sheet, published.VersionKey, tenant, node, NextScoreVersion(), clock.GetUtcNow()));
                }
            }
        }

        if (scores.Count > 0)
        {
            await RankingPush.PublishManyAsync(GrainFactory, scores);
        }

        if (before.Count > 0)
        {
            await WithdrawAsync(rubrics.Select(r => r.Published), before);
        }
    }

    // The periods the rankings keep: this year's and last year's, each with its quarters and months, up to today.
    private static IEnumerable<Period> RankedPeriods(DateOnly today) =>
        new[] { today.Year - 1, today.Year }.SelectMany(Period.YearAndParts).Where(p => p.Start <= today);

    // A closed branch leaves the rankings of this year and last; its ledger stays readable.
    private async Task WithdrawScoresAsync()
    {
        try
        {
            await WithdrawAsync((await ScoringRubricsAsync()).Select(r => r.Item1), RankedPeriods(Today()));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Scores of closed {Grain} were not withdrawn", this.GetPrimaryKeyString());
        }
    }

    private Task WithdrawAsync(IEnumerable<PublishedRubric> rubrics, IEnumerable<Period> periods)
    {
        var tenant = GrainKeys.TenantOf(this.GetPrimaryKeyString());
        return Task.WhenAll(
            from rubric in rubrics
            from period in periods
            select RankingPush.WithdrawAsync(GrainFactory, new BranchRemoval
            {
                Tenant = tenant, NodeId = NodeId, Period = period.ToString(), RubricVersion = rubric.VersionKey,
            }));
    }

    // Monotonic per ledger across activations (clock ticks), so the shards keep the newest push.
    private long NextScoreVersion() => _scoreVersion = Math.Max(_scoreVersion + 1, clock.GetUtcNow().UtcTicks);

    private async Task<ScoreSheet> ScoreAsync(Contracts.Directory.LedgerNode node, Rubric rubric, Period period) =>
        _ledger.Score(node, rubric, period, _ledger.ScoringFor(await BookFor(period.Start.Year)), Today());

    // The serving rubric and, while a rescoring runs, the next one; asked once per activation and
    // again each day (a rescoring hands its rubric over directly).
    private async Task<IReadOnlyList<(PublishedRubric, Rubric)>> ScoringRubricsAsync()
    {
        if (_scoringWith.Count == 0)
        {
            var rubrics = await GrainFactory.GetGrain<IRubricGrain>(CityKeys.City).GetScoringRubrics();
            _scoringWith = rubrics.Next is null ? [rubrics.Serving] : [rubrics.Serving, rubrics.Next];
        }

        return [.. _scoringWith.Select(Parsed)];
    }

    private static (PublishedRubric Published, Rubric Rubric) Parsed(PublishedRubric published) =>
        (published, ParsedRubrics.Of(published));
}
