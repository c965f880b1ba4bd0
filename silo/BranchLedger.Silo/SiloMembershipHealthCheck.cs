using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BranchLedger.Silo;

/// <summary>
/// Ready once this silo is Active in the membership table, not before (while it joins) and not after
/// (while it shuts down): a rolling update replaces the next silo only when this one serves grains.
/// </summary>
internal sealed class SiloMembershipHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = oracle.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active in the cluster.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"The silo is {status}."));
    }
}
