using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// The cluster answers a grain call: the management grain lists the active silos. One cheap round
/// trip through a silo gateway, so it fails when the client has no connection as well as when the
/// cluster has no active silo.
/// </summary>
internal sealed class OrleansClusterHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await client.GetGrain<IManagementGrain>(0).GetHosts(true, cancellationToken);
            return silos.Count > 0
                // Anyone may read /readyz: it says that the cluster answers, never how many silos it has.
                ? HealthCheckResult.Healthy("The cluster answers.")
                : new HealthCheckResult(context.Registration.FailureStatus, "The cluster has no active silo.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The Orleans cluster does not answer.", ex);
        }
    }
}
