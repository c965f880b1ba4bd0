using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>One status record of a campaign such as 模范机关创建; a campaign runs for years, so it has many.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Name">The campaign's name; records with the same name are one campaign.</param>
/// <param name="Status">Where the campaign stood on <paramref name="Date"/>.</param>
/// <param name="Date">The day the status was recorded.</param>
public sealed record CampaignFact(string NodeId, long Sequence, string Name, CampaignStatus Status, DateOnly Date);
