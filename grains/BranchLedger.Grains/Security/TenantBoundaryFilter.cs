using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Security;

/// <summary>
/// Incoming side of the tenant boundary, defence in depth behind the gateway's checks: a call into a
/// tenant-owned grain on behalf of another tenant is refused before the grain sees it.
/// </summary>
internal sealed class TenantBoundaryFilter(ILogger<TenantBoundaryFilter> logger) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.TargetContext.GrainInstance is ITenantOwnedGrain && TenantBoundary.Current is { } actingFor)
        {
            var owner = TenantBoundary.OwnerOf(context.TargetId);
            if (!string.Equals(owner, actingFor, StringComparison.Ordinal))
            {
                logger.LogError("Refused a call on behalf of tenant {ActingFor} into {Grain}.{Method} of tenant {Owner}",
                    actingFor, context.TargetId, context.MethodName, owner);
                throw new CrossTenantCallException($"A call on behalf of tenant '{actingFor}' may not reach tenant '{owner}'.");
            }
        }

        return context.Invoke();
    }
}
