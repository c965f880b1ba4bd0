namespace BranchLedger.Domain.Reports;

/// <summary>A party-building review heard by the party group (听取党建工作汇报).</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Date">The day it was heard.</param>
/// <param name="Mechanism">The working mechanism it was heard through (通过“…”工作机制), as recorded; empty when not recorded.</param>
public sealed record QuarterlyReviewFact(string NodeId, long Sequence, DateOnly Date, string Mechanism = "");
