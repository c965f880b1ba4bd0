using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Directory;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Scoring;

/// <summary>
/// Scores every open branch the directories list with one rubric version and pushes the scores. The
/// branches' stored score inputs (<see cref="IScoreInputStore"/>) are read in bulk and scored here,
/// without waking their ledgers; a branch without usable inputs (none yet, another format, behind its
/// journal, or a ranked year sealed away) is asked to score itself, which also stores its inputs. Runs
/// in the background of its activation: the one-way call returns at once, and progress goes to the
/// rubric grain (reads keep serving the previous version meanwhile).
/// </summary>
public sealed class RescoringGrain(IScoreInputStore inputs, TimeProvider clock, ILogger<RescoringGrain> logger) : Grain, IRescoringGrain
{
    private const int Parallel = 4;
    private const int PageSize = 500;
    private Task? _running;

    /// <inheritdoc />
    public Task Run(PublishedRubric rubric, bool resetRankings)
    {
        if (_running is null || _running.IsCompleted)
        {
            // Long work outlives the call: keep the activation while it runs.
            DelayDeactivation(TimeSpan.FromHours(6));
            _running = RunAsync(rubric, resetRankings);
        }

        return Task.CompletedTask;
    }

    private async Task RunAsync(PublishedRubric rubric, bool reset)
    {
        var rubrics = GrainFactory.GetGrain<IRubricGrain>(CityKeys.City);
        var started = clock.GetUtcNow();
        try
        {
            var branches = await BranchesAsync();
            if (reset)
            {
                await ResetAsync(rubric.VersionKey, branches.Select(b => b.Tenant).Distinct());
            }

            var progress = new Progress(rubric.VersionKey, branches.Count, started, clock);
            var parsed = ParsedRubrics.Of(rubric);

            // Ledger keys still to score; those left after the bulk read are asked one by one.
            var pending = branches.ToDictionary(b => GrainKeys.Ledger(b.Tenant, b.Node), b => b, StringComparer.Ordinal);
            // A pipeline of pages: while one page's scores are pushed and the shards apply them, the next
            // page is read and scored off the grain's thread, so reading, scoring and pushing overlap.
            var page = new List<StoredScoreInputs>(PageSize);
            var phases = new Phases();
            Task<List<(string Ledger, IReadOnlyList<BranchScore>? Scores)>>? scoring = null;
            phases.Read.Start();
            await foreach (var row in inputs.ReadAllAsync(PageSize))
            {
                if (pending.ContainsKey(row.Ledger))
                {
                    page.Add(row);
                }

                if (page.Count == PageSize)
                {
                    phases.Read.Stop();
                    var next = ScoreAsync(page, parsed, rubric.VersionKey);
                    page = new List<StoredScoreInputs>(PageSize);
                    if (scoring is not null)
                    {
                        await PushPageAsync(scoring, pending, progress, phases);
                        await progress.ReportAsync(rubrics, force: false);
                    }

                    scoring = next;
                    phases.Read.Start();
                }
            }

            phases.Read.Stop();
            var last = page.Count > 0 ? ScoreAsync(page, parsed, rubric.VersionKey) : null;
            foreach (var scored in new[] { scoring, last })
            {
                if (scored is not null)
                {
                    await PushPageAsync(scored, pending, progress, phases);
                }
            }

            var fromInputs = progress.Done;
            logger.LogInformation(
                "Rescoring with {Version} from stored inputs: read {Read} ms, waiting for scores {Score} ms, push {Push} ms, flush {Flush} ms",
                rubric.VersionKey, phases.Read.ElapsedMilliseconds, phases.Score.ElapsedMilliseconds, phases.Push.ElapsedMilliseconds, phases.Flush.ElapsedMilliseconds);

            foreach (var chunk in pending.Values.Chunk(Parallel))
            {
                var outcomes = await Task.WhenAll(chunk.Select(b => RescoreAsync(b, rubric)));
                progress.Count(outcomes.Count(ok => ok), outcomes.Count(ok => !ok));
                await progress.ReportAsync(rubrics, force: false);
            }

            await RankingPush.FlushAsync(GrainFactory);
            logger.LogInformation(
                "Rescoring with {Version}: {FromInputs} branches from stored inputs, {Asked} ledgers asked, {Failed} failed, in {Elapsed}",
                rubric.VersionKey, fromInputs, progress.Done - fromInputs, progress.Failed, clock.GetUtcNow() - started);
            await rubrics.Progress(progress.Completed());
        }
        catch (Exception ex)
        {
            // The rubric grain restarts a rescoring still marked running when it next activates.
            logger.LogError(ex, "Rescoring with {Version} stopped", rubric.VersionKey);
            DeactivateOnIdle();
        }
    }

    // Scores a page of stored inputs off the grain's thread (pure CPU); null scores mark the rows
    // whose ledgers must score themselves.
    private Task<List<(string Ledger, IReadOnlyList<BranchScore>? Scores)>> ScoreAsync(
        List<StoredScoreInputs> page, Domain.Scoring.Rubric rubric, string versionKey)
    {
        var now = clock.GetUtcNow();
        return Task.Run(() => page
            .AsParallel()
            .WithDegreeOfParallelism(Math.Max(1, Math.Min(Environment.ProcessorCount, 4)))
            .Select(row => (row.Ledger, StoredScores.Of(row, rubric, versionKey, now)))
            .ToList());
    }

    // Pushes a scored page in a few calls and waits for the shards (the ingress never holds more than
    // a page's scores); the branches it scored leave pending, those it could not stay for their ledgers.
    private async Task PushPageAsync(
        Task<List<(string Ledger, IReadOnlyList<BranchScore>? Scores)>> scoring,
        Dictionary<string, (string Tenant, string Node)> pending, Progress progress, Phases phases)
    {
        phases.Score.Start();
        var scored = await scoring;
        phases.Score.Stop();

        var scores = new List<BranchScore>();
        foreach (var (ledger, branchScores) in scored)
        {
            if (branchScores is not null)
            {
                scores.AddRange(branchScores);
                pending.Remove(ledger);
            }
        }

        phases.Push.Start();
        foreach (var chunk in scores.Chunk(2000))
        {
            await RankingPush.PublishManyAsync(GrainFactory, chunk);
        }

        phases.Push.Stop();
        phases.Flush.Start();
        await RankingPush.FlushAsync(GrainFactory);
        phases.Flush.Stop();
        progress.Count(scored.Count(s => s.Scores is not null), 0);
    }

    private async Task<bool> RescoreAsync((string Tenant, string Node) branch, PublishedRubric rubric)
    {
        try
        {
            await GrainFactory.GetGrain<ILedgerGrain>(GrainKeys.Ledger(branch.Tenant, branch.Node)).Rescore(rubric);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Rescoring a ledger of {Tenant} failed", branch.Tenant);
            return false;
        }
    }

    private Task<List<(string Tenant, string Node)>> BranchesAsync() => RankedBranchesAsync(GrainFactory);

    /// <summary>The ranked branches of every tenant, from the directories (a rescoring and a repair walk the same list).</summary>
    public static async Task<List<(string Tenant, string Node)>> RankedBranchesAsync(IGrainFactory grains)
    {
        var branches = new List<(string, string)>();
        foreach (var tenant in await grains.GetGrain<ITenantRegistryGrain>(CityKeys.City).List())
        {
            var directory = grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant));
            long after = 0;
            while (true)
            {
                var page = await directory.ListNodes(null, false, after, 500);
                branches.AddRange(page.Items.Where(n => Ranked(n.Kind)).Select(n => (tenant, n.NodeId)));
                if (page.NextAfter is not { } next)
                {
                    break;
                }

                after = next;
            }
        }

        return branches;
    }

    /// <summary>Branches (党支部) and general branches (党总支) are ranked; organisations and small groups are not.</summary>
    public static bool Ranked(NodeKind kind) => kind is NodeKind.Branch or NodeKind.GeneralBranch;

    // The periods ledgers push (see LedgerGrain scoring): this year and last, each with its quarters and months.
    private async Task ResetAsync(string versionKey, IEnumerable<string> tenants)
    {
        var year = clock.GetUtcNow().Year;
        var list = tenants.ToList();
        foreach (var period in new[] { year - 1, year }.SelectMany(Domain.Periods.Period.YearAndParts))
        {
            await RankingPush.ResetAsync(GrainFactory, versionKey, period.ToString(), list);
        }
    }

    /// <summary>
    /// Wall time of each phase of the bulk path on the grain's side, logged so a slow rebuild says where
    /// it went (scoring overlaps the other phases: only the wait for it is counted).
    /// </summary>
    private sealed class Phases
    {
        public System.Diagnostics.Stopwatch Read { get; } = new();

        public System.Diagnostics.Stopwatch Score { get; } = new();

        public System.Diagnostics.Stopwatch Push { get; } = new();

        public System.Diagnostics.Stopwatch Flush { get; } = new();
    }

    /// <summary>Done and failed so far, reported to the rubric grain about once a second.</summary>
    private sealed class Progress(string versionKey, int total, DateTimeOffset started, TimeProvider clock)
    {
        private DateTimeOffset _lastReport = clock.GetUtcNow();

        public int Done { get; private set; }

        public int Failed { get; private set; }

        public void Count(int done, int failed) => (Done, Failed) = (Done + done, Failed + failed);

        public async Task ReportAsync(IRubricGrain rubrics, bool force)
        {
            if (force || clock.GetUtcNow() - _lastReport > TimeSpan.FromSeconds(1))
            {
                _lastReport = clock.GetUtcNow();
                await rubrics.Progress(new RescoringStatus(versionKey, RescoringState.Running, total, Done, Failed, started, null));
            }
        }

        public RescoringStatus Completed() => new(versionKey, RescoringState.Completed, total, Done, Failed, started, clock.GetUtcNow());
    }
}
