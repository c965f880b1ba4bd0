using BranchLedger.Contracts.Rankings;

namespace BranchLedger.Silo;

/// <summary>
/// Watches the cluster's membership (the ADO.NET membership table) and reports every silo that goes
/// from active to dead without shutting down — a crash, a kill, a lost machine — to the ranking
/// repair (<see cref="IRankingRepairGrain"/>), which has the branches push what the lost silo held.
/// Silos that stop gracefully hand their state over themselves (shards snapshot and the ingress
/// flushes on deactivation) and are not reported; nor are silos already dead when this one started.
/// Every surviving silo reports; the repair runs once per lost silo.
/// </summary>
internal sealed class SiloLossWatcher(
    IClusterMembershipService membership, ILocalSiloDetails local, IGrainFactory grains, ILogger<SiloLossWatcher> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _watching = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(SiloLossWatcher),
        ServiceLifecycleStage.Active,
        _ =>
        {
            _watching = Task.Run(WatchAsync, CancellationToken.None);
            return Task.CompletedTask;
        },
        async _ =>
        {
            await _stopping.CancelAsync();
            await _watching;
        });

    public void Dispose() => _stopping.Dispose();

    private async Task WatchAsync()
    {
        var last = new Dictionary<SiloAddress, SiloStatus>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token))
            {
                foreach (var (silo, member) in snapshot.Members)
                {
                    var before = last.GetValueOrDefault(silo, SiloStatus.None);
                    last[silo] = member.Status;
                    if (member.Status == SiloStatus.Dead && before == SiloStatus.Active && !silo.Equals(local.SiloAddress))
                    {
                        await ReportAsync(silo, member.Name);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Watching the cluster membership for lost silos stopped");
        }
    }

    private async Task ReportAsync(SiloAddress silo, string name)
    {
        logger.LogWarning("Silo {Silo} ({Name}) was declared dead without shutting down: repairing the rankings", silo, name);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IRankingRepairGrain>(RankingKeys.Catalog).SiloLost(silo.ToParsableString());
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < 10)
            {
                logger.LogWarning(ex, "The ranking repair did not take the loss of {Silo} (attempt {Attempt}); trying again", silo, attempt);
                await Task.Delay(TimeSpan.FromSeconds(2), _stopping.Token);
            }
        }
    }
}
