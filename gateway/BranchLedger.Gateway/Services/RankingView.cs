namespace BranchLedger.Gateway.Services;

/// <summary>Which ranking a read is about: a period, city-wide or one tenant, by total or one indicator, optionally filtered by name.</summary>
/// <param name="Period">Canonical period.</param>
/// <param name="Tenant">The tenant of a tenant-scoped view; null city-wide.</param>
/// <param name="IndicatorId">Rank by this indicator's points; null by total.</param>
/// <param name="NameContains">Only branches whose name or node id contains this; null for all.</param>
internal sealed record RankingView(string Period, string? Tenant, string? IndicatorId, string? NameContains = null);
