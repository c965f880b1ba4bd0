using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace BranchLedger.Grains.Ledger.Journal;

/// <summary>
/// Runs <see cref="LedgerStateMigration"/> while the silo starts, before it takes calls. Ledgers not yet
/// copied keep working meanwhile (their records are still in their state rows), so a ledger that fails
/// its check is logged and tried again at the next start rather than stopping the silo.
/// </summary>
public sealed class LedgerStateMigrationAtStart(
    string connectionString, IOptions<ClusterOptions> cluster, Serializer serializer, ILogger<LedgerStateMigration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LedgerStateMigration), ServiceLifecycleStage.ApplicationServices, async ct =>
        {
            var report = await new LedgerStateMigration(connectionString, cluster.Value.ServiceId, serializer, logger).RunAsync(ct);
            if (report.Failed.Count > 0)
            {
                logger.LogError("Ledgers not copied into the journal (their state rows still serve them): {Ledgers}", string.Join(", ", report.Failed));
            }
        });
}
