namespace BranchLedger.Gateway.Services;

/// <summary>Who is calling, on behalf of which tenant.</summary>
/// <param name="Tenant">The tenant every request of this caller is scoped to.</param>
/// <param name="Subject">The caller's identity, recorded on every write.</param>
internal sealed record Caller(string Tenant, string Subject);
