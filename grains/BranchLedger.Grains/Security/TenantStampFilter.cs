using BranchLedger.Contracts;

namespace BranchLedger.Grains.Security;

/// <summary>
/// Outgoing side of the tenant boundary: a call made by a tenant-owned grain carries that grain's
/// tenant; a call made by any other grain carries none (the city-level ranking path). Calls from the
/// gateway keep what the gateway set.
/// </summary>
internal sealed class TenantStampFilter : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.SourceContext is { GrainInstance: { } source } sourceContext)
        {
            TenantBoundary.ActFor(source is ITenantOwnedGrain ? TenantBoundary.OwnerOf(sourceContext.GrainId) : null);
        }

        return context.Invoke();
    }
}
