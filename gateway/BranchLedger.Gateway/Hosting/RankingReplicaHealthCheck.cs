using BranchLedger.Gateway.Services;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// The gateway's ranking replicas are in sync with their shards. Degraded (still serving: a read of
/// a replica that is behind waits for its fetch) while one resynchronises — at its first read, after a
/// gap in its feed, a reactivated shard or a lost feed — or cannot reach its shard. Anyone may read
/// /readyz, so it says only that, never which shards or how many.
/// </summary>
internal sealed class RankingReplicaHealthCheck(RankingRuntime rankings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var shards = rankings.Replica.Shards;
        return Task.FromResult(shards.Any(s => s.Resynchronising || s.Failing)
            ? HealthCheckResult.Degraded("Resynchronising.")
            : HealthCheckResult.Healthy("In sync."));
    }
}
