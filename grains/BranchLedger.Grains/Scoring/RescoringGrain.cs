using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Directory;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Scoring;

/// <summary>
/// Walks every tenant's directory and asks each open branch's ledger to score itself with one rubric
/// version and push the scores. Runs in the background of its activation: the one-way call returns at
/// once, and progress goes to the rubric grain (reads keep serving the previous version meanwhile).
/// </summary>
public sealed class RescoringGrain(TimeProvider clock, ILogger<RescoringGrain> logger) : Grain, IRescoringGrain
{
    private const int Parallel = 4;
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

            int done = 0, failed = 0;
            var lastReport = clock.GetUtcNow();
            foreach (var chunk in branches.Chunk(Parallel))
            {
                var outcomes = await Task.WhenAll(chunk.Select(b => RescoreAsync(b, rubric)));
                done += outcomes.Count(ok => ok);
                failed += outcomes.Count(ok => !ok);
                if (clock.GetUtcNow() - lastReport > TimeSpan.FromSeconds(1))
                {
                    lastReport = clock.GetUtcNow();
                    await rubrics.Progress(new RescoringStatus(rubric.VersionKey, RescoringState.Running, branches.Count, done, failed, started, null));
                }
            }

            await RankingPush.FlushAsync(GrainFactory);
            await rubrics.Progress(new RescoringStatus(rubric.VersionKey, RescoringState.Completed, branches.Count, done, failed, started, clock.GetUtcNow()));
        }
        catch (Exception ex)
        {
            // The rubric grain restarts a rescoring still marked running when it next activates.
            logger.LogError(ex, "Rescoring with {Version} stopped", rubric.VersionKey);
            DeactivateOnIdle();
        }
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

    private async Task<List<(string Tenant, string Node)>> BranchesAsync()
    {
        var branches = new List<(string, string)>();
        foreach (var tenant in await GrainFactory.GetGrain<ITenantRegistryGrain>(CityKeys.City).List())
        {
            var directory = GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant));
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
}
