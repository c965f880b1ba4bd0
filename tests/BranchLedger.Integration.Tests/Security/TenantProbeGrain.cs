using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>A tenant-owned grain for tests only: it reads any ledger it is told to, as a buggy grain might.</summary>
public interface ITenantProbeGrain : ITenantOwnedGrain
{
    Task<int> CountRecords(string tenant, string node);
}

/// <inheritdoc cref="ITenantProbeGrain"/>
public sealed class TenantProbeGrain : Grain, ITenantProbeGrain
{
    public async Task<int> CountRecords(string tenant, string node) =>
        (await GrainFactory.GetGrain<ILedgerGrain>(GrainKeys.Ledger(tenant, node)).ListRecords(new RecordQuery { PageSize = 10 })).Records.Count;
}
