using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Grains.Scoring;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Rankings;

/// <summary>
/// Repairs the rankings after a silo's loss (see <see cref="IRankingRepairGrain"/>): walks every
/// tenant's directory and has each open branch push its scores again with the rubrics ledgers score
/// with now. Nothing is cleared, so reads go on from the shards and the gateways' replicas, and the
/// pushes carry newer versions than anything the shards hold, so they win. Runs in the background of
/// its activation; a repair cut short by the loss of this grain's own silo is started again by the
/// survivors reporting that loss.
/// </summary>
public sealed class RankingRepairGrain(TimeProvider clock, ILogger<RankingRepairGrain> logger) : Grain, IRankingRepairGrain
{
    // Ledgers score in their own turns on every silo: a few at a time keeps the repair from
    // crowding out writes and reads on a small cluster.
    private const int Parallel = 8;

    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
    private readonly Queue<string> _waiting = new();
    private Task _running = Task.CompletedTask;
    private RankingRepairStatus? _status;

    /// <inheritdoc />
    public Task SiloLost(string silo)
    {
        if (!_handled.Add(silo))
        {
            return Task.CompletedTask;
        }

        _waiting.Enqueue(silo);
        if (_running.IsCompleted)
        {
            // Long work outlives the call: keep the activation while it runs.
            DelayDeactivation(TimeSpan.FromHours(1));
            _running = RunAsync();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RankingRepairStatus?> GetStatus() => Task.FromResult(_status);

    // Losses that arrive during a repair are covered by one more repair after it (a branch pushed
    // before the second loss may have lost that push again).
    private async Task RunAsync()
    {
        while (_waiting.Count > 0)
        {
            var silos = string.Join(", ", _waiting);
            _waiting.Clear();
            await RepairAsync(silos);
        }
    }

    private async Task RepairAsync(string silos)
    {
        var started = clock.GetUtcNow();
        try
        {
            var scoring = await GrainFactory.GetGrain<IRubricGrain>(CityKeys.City).GetScoringRubrics();
            var rubrics = scoring.Next is null ? new[] { scoring.Serving } : [scoring.Serving, scoring.Next];
            var branches = await RescoringGrain.RankedBranchesAsync(GrainFactory);
            logger.LogWarning("Silo {Silo} was lost: {Count} branches push their scores again", silos, branches.Count);
            int done = 0, failed = 0;
            _status = new RankingRepairStatus(silos, branches.Count, 0, 0, started, null);
            foreach (var chunk in branches.Chunk(Parallel))
            {
                var outcomes = await Task.WhenAll(chunk.Select(b => PushAgainAsync(b, rubrics)));
                done += outcomes.Count(ok => ok);
                failed += outcomes.Count(ok => !ok);
                _status = _status with { Done = done, Failed = failed };
            }

            await RankingPush.FlushAsync(GrainFactory);
            _status = _status with { CompletedAt = clock.GetUtcNow() };
            logger.LogWarning("Rankings repaired after the loss of {Silo}: {Done} branches pushed again, {Failed} failed, in {Seconds:0.0} s",
                silos, done, failed, (clock.GetUtcNow() - started).TotalSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The ranking repair after the loss of {Silo} stopped; the next write or the daily refresh pushes the rest", silos);
        }
    }

    private async Task<bool> PushAgainAsync((string Tenant, string Node) branch, PublishedRubric[] rubrics)
    {
        try
        {
            var ledger = GrainFactory.GetGrain<ILedgerGrain>(GrainKeys.Ledger(branch.Tenant, branch.Node));
            foreach (var rubric in rubrics)
            {
                await ledger.Rescore(rubric);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A ledger of {Tenant} did not push its scores again", branch.Tenant);
            return false;
        }
    }
}
