namespace BranchLedger.Contracts;

/// <summary>
/// A grain whose key starts with its tenant (built by <see cref="GrainKeys"/>). The silo's tenant
/// boundary filter refuses calls into it that come on behalf of another tenant.
/// </summary>
public interface ITenantOwnedGrain : IGrainWithStringKey;
