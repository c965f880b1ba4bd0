namespace BranchLedger.Domain.Reports;

/// <summary>A party-building review heard by the party group (听取党建工作汇报).</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Date">The day it was heard.</param>
public sealed record QuarterlyReviewFact(string NodeId, long Sequence, DateOnly Date);
