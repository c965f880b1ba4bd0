namespace BranchLedger.Gateway.Services;

/// <summary>One watched view: what <c>WatchRanking</c> clients share a feed by.</summary>
internal sealed record WatchKey(string Period, string? Tenant, string? IndicatorId, int TopN);
