using System.Diagnostics;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using BranchLedger.Grains.Scoring;
using BranchLedger.Ledger;
using Microsoft.Extensions.Logging;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

/// <summary>What a ledger's scores are computed from at one moment.</summary>
/// <param name="Tenant">The ledger's tenant.</param>
/// <param name="Node">The node as the directory describes it.</param>
/// <param name="Ledger">The aggregate.</param>
/// <param name="BookOf">The book holding a year (the live one, or a sealed year merged in).</param>
/// <param name="Today">The tenant's calendar day.</param>
/// <param name="SealedYears">The years whose records moved to an archive (the live book lacks them).</param>
internal sealed record ScoringSource(string Tenant, LedgerNode Node, LedgerAggregate Ledger, Func<int, Task<RecordBook>> BookOf, DateOnly Today, IReadOnlyList<int> SealedYears);

/// <summary>
/// Pushes a ledger's scores to the rankings after writes, so a ranking read never has to ask a
/// branch. Owned by the ledger grain and run in its turns; the domain computes every score.
/// </summary>
internal sealed class ScorePublisher(IGrainFactory grains, IScoreInputStore inputStore, TimeProvider clock, ILogger logger, string ledgerKey)
{
    // A lone write is pushed after a moment (writes in quick succession, a batch, a burst of retries, go together).
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// A ledger pushes at most once per window: a write landing within it of the last push waits for the
    /// window's end, and every write gathered by then goes in that one push (one score per period, one
    /// ranking push, one score-input upsert). Ack → pushed is at most this plus one push; the ingress
    /// batches every 100 ms while busy, so 50 ms keeps a write to a busy ledger inside the rankings'
    /// 200 ms budget with room for the feed to the gateways (100 ms measured 317 ms once under load).
    /// </summary>
    internal static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    private IReadOnlyList<PublishedRubric> _scoringWith = [];
    private long _version;
    private HashSet<DateOnly> _unscored = [];
    private bool _everyPeriod;
    private long _lastPushStarted; // 0: never, so the first write waits only the debounce
    private byte[]? _inputsSaved;
    private bool _inputsUnsaved;
    private long _lastInputsSave; // 0: never, so an activation's first push saves at once
    private DateOnly _todayPushed;


    /// <summary>Remembers what writes touched; the grain publishes after <see cref="Delay"/>.</summary>
    public void Touched(IEnumerable<DateOnly> dates) => _unscored.UnionWith(dates);

    /// <summary>A change of the node itself (created, roster, overrides, name) can move every period's score.</summary>
    public void TouchedEveryPeriod() => _everyPeriod = true;

    /// <summary>True while writes wait for their push.</summary>
    public bool Pending => _unscored.Count > 0 || _everyPeriod;

    /// <summary>How long to wait before publishing what was touched: the rest of the window since the last push, at least <see cref="Debounce"/>.</summary>
    public TimeSpan Delay()
    {
        var wait = Window - Stopwatch.GetElapsedTime(_lastPushStarted);
        return wait < Debounce ? Debounce : wait;
    }

    /// <summary>Publishes the periods touched since the last time.</summary>
    public async Task PublishTouchedAsync(ScoringSource? source)
    {
        // A fresh set each time: a cleared one would keep the capacity of the largest batch for good.
        var (dates, every) = (_unscored, _everyPeriod);
        (_unscored, _everyPeriod) = ([], false);
        _lastPushStarted = Stopwatch.GetTimestamp();
        await PublishAsync(source, dates, every);
        _inputsUnsaved = true;
        if (every || _lastInputsSave == 0 || Stopwatch.GetElapsedTime(_lastInputsSave) >= LedgerGrain.ScoreInputsInterval)
        {
            await SaveInputsAsync(source);
        }
    }

    /// <summary>When the inputs left unsaved by the last pushes are due to be stored; null when none are.</summary>
    public TimeSpan? InputsDue => _inputsUnsaved
        ? TimeSpan.FromTicks(Math.Max(0, (LedgerGrain.ScoreInputsInterval - Stopwatch.GetElapsedTime(_lastInputsSave)).Ticks))
        : null;

    /// <summary>Stores the inputs the last pushes left unsaved (when due, before a deactivation or a seal).</summary>
    public Task SaveUnsavedInputsAsync(ScoringSource? source) => _inputsUnsaved ? SaveInputsAsync(source) : Task.CompletedTask;

    /// <summary>A new day can turn a period from due to missed without any write: yesterday's periods and today's, with the rubrics serving now.</summary>
    public Task PublishNewDayAsync(ScoringSource? source)
    {
        _scoringWith = [];
        return PublishAsync(source, [source?.Today.AddDays(-1) ?? default], false);
    }

    // The periods of the records' dates and of today (workflows and deadlines move with time), for
    // every rubric ledgers score with now. Failures are logged, never the writer's: the write is
    // acknowledged, and the next write or the daily reminder pushes again.
    private async Task PublishAsync(ScoringSource? source, IEnumerable<DateOnly> dates, bool everyPeriod)
    {
        if (source is null || source.Node.IsClosed || !RescoringGrain.Ranked(source.Node.Kind))
        {
            return;
        }

        try
        {
            var today = source.Today;
            // Today's periods move with time alone (deadlines, due becoming missed) only at midnight,
            // which the daily reminder pushes; a ledger still pushes them once a day with its writes,
            // so a missed reminder heals, but not with every write.
            var withToday = _todayPushed != today ? dates.Append(today) : dates;
            var periods = everyPeriod
                ? RankedPeriods(today)
                : withToday.Distinct()
                    .Where(d => d.Year >= today.Year - 1 && d <= today)
                    .SelectMany(d => new[] { Period.Year(d.Year), Period.Containing(d, PeriodKind.Quarter), Period.Containing(d, PeriodKind.Month) })
                    .Distinct();
            await PushAsync(source, await ScoringRubricsAsync(), periods);
            _todayPushed = today;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Scores of {Grain} were not pushed", ledgerKey);
        }
    }

    /// <summary>Scores with a rubric being rolled out; writes from now on score with it too, until the daily refresh learns which version serves.</summary>
    public async Task RescoreAsync(ScoringSource? source, PublishedRubric rubric)
    {
        if (source is null || source.Node.IsClosed || !RescoringGrain.Ranked(source.Node.Kind))
        {
            return;
        }

        if (!_scoringWith.Any(r => r.Version == rubric.Version))
        {
            _scoringWith = [.. (await ScoringRubricsAsync()).Select(r => r.Published).Where(r => r.Version != rubric.Version).TakeLast(1), rubric];
        }

        await PushAsync(source, [Parsed(rubric)], RankedPeriods(source.Today));

        // A ledger asked to rescore had no usable stored inputs (older data, a lost save): write them,
        // so the next rebuild reads them instead of waking it — the backfill of ledgers from before.
        await SaveInputsAsync(source);
    }

    /// <summary>
    /// Stores the inputs of the live book (<see cref="ScoreInputs"/>) when they differ from the last
    /// saved by this activation: right after the journal write's scores are pushed, with a version
    /// newer than those scores, so a rebuild never brings back a score older than one already pushed.
    /// Failures are logged: the journal stays the truth and a rebuild asks the ledger instead.
    /// </summary>
    private async Task SaveInputsAsync(ScoringSource? source)
    {
        if (source is null || !RescoringGrain.Ranked(source.Node.Kind))
        {
            return;
        }

        try
        {
            var ledger = source.Ledger;
            _lastInputsSave = Stopwatch.GetTimestamp();
            _inputsUnsaved = false;
            var bytes = ScoreInputs.Of(source.Node, ledger.ScoringFor(ledger.Book), source.SealedYears).ToBytes();
            if (_inputsSaved is not null && bytes.AsSpan().SequenceEqual(_inputsSaved))
            {
                return;
            }

            await inputStore.SaveAsync(ledgerKey, NextVersion(), ledger.LastSequence, ScoreInputs.Format, bytes);
            _inputsSaved = bytes;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Score inputs of {Grain} were not saved", ledgerKey);
        }
    }

    /// <summary>One period's score sheet with a given rubric version, as the API shows it.</summary>
    public async Task<ScoreSheetView> ScoreAsync(ScoringSource source, Period period, int rubricVersion)
    {
        var published = await grains.GetGrain<IRubricGrain>(CityKeys.City).Get(rubricVersion)
            ?? throw new Contracts.Errors.NotFoundException("branchledger.v1.RubricVersion", rubricVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), $"No rubric version {rubricVersion}.");
        var basis = source.Ledger.ScoringFor(await source.BookOf(period.Start.Year));
        return ScoreViews.Of(published.VersionKey, source.Ledger.Score(source.Node, Parsed(published).Rubric, period, basis, source.Today));
    }

    /// <summary>A closed branch leaves the rankings of this year and last; its ledger stays readable.</summary>
    public async Task WithdrawAsync(ScoringSource source)
    {
        try
        {
            await WithdrawAsync(source, (await ScoringRubricsAsync()).Select(r => r.Published), RankedPeriods(source.Today));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Scores of closed {Grain} were not withdrawn", ledgerKey);
        }
    }

    private async Task PushAsync(ScoringSource source, IReadOnlyList<(PublishedRubric Published, Rubric Rubric)> rubrics, IEnumerable<Period> periods)
    {
        var scores = new List<BranchScore>();
        // A period that ended before the branch came into force has no score: the branch is not ranked
        // there (and leaves it, should an earlier roster once have let it in).
        var inForceFrom = ComplianceFacts.InForceFrom(source.Node);
        var byCoverage = periods.ToLookup(p => UnitInForce.Coverage(p, inForceFrom) == PeriodCoverage.None);
        var parsed = rubrics.Select(r => r.Rubric).ToList();
        foreach (var year in byCoverage[false].GroupBy(p => p.CalendarYear))
        {
            // One basis per year (the live book's is kept by the aggregate between writes), and each
            // year judged once however many of its periods and rubrics are scored.
            var basis = source.Ledger.ScoringFor(await source.BookOf(year.Key));
            foreach (var (rubric, sheet) in source.Ledger.ScoreRanked(source.Node, parsed, year, basis, source.Today))
            {
                if (sheet.Total is not null)
                {
                    scores.Add(ScoreViews.ToBranchScore(sheet, rubrics[rubric].Published.VersionKey, source.Tenant, source.Node, NextVersion(), clock.GetUtcNow()));
                }
            }
        }

        if (scores.Count > 0)
        {
            await RankingPush.PublishManyAsync(grains, scores);
        }

        if (byCoverage[true].Any())
        {
            await WithdrawAsync(source, rubrics.Select(r => r.Published), byCoverage[true]);
        }
    }

    // The periods the rankings keep: this year's and last year's, each with its quarters and months, up to today.
    internal static IEnumerable<Period> RankedPeriods(DateOnly today) =>
        new[] { today.Year - 1, today.Year }.SelectMany(Period.YearAndParts).Where(p => p.Start <= today);

    private Task WithdrawAsync(ScoringSource source, IEnumerable<PublishedRubric> rubrics, IEnumerable<Period> periods) => Task.WhenAll(
        from rubric in rubrics
        from period in periods
        select RankingPush.WithdrawAsync(grains, new BranchRemoval
        {
            Tenant = source.Tenant, NodeId = source.Node.NodeId, Period = period.ToString(), RubricVersion = rubric.VersionKey,
        }));

    // Monotonic per ledger across activations (clock ticks), so the shards keep the newest push.
    private long NextVersion() => _version = Math.Max(_version + 1, clock.GetUtcNow().UtcTicks);

    // The serving rubric and, while a rescoring runs, the next one; asked once per activation and
    // again each day (a rescoring hands its rubric over directly).
    private async Task<IReadOnlyList<(PublishedRubric Published, Rubric Rubric)>> ScoringRubricsAsync()
    {
        if (_scoringWith.Count == 0)
        {
            var rubrics = await grains.GetGrain<IRubricGrain>(CityKeys.City).GetScoringRubrics();
            _scoringWith = rubrics.Next is null ? [rubrics.Serving] : [rubrics.Serving, rubrics.Next];
        }

        return [.. _scoringWith.Select(Parsed)];
    }

    private static (PublishedRubric Published, Rubric Rubric) Parsed(PublishedRubric published) =>
        (published, ParsedRubrics.Of(published));
}
