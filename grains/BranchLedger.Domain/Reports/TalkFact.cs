using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>A current talk record.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Kind">Integrity and reminder talks count people (人次); group talks count sessions (次).</param>
/// <param name="People">How many people were talked to (≥ 0).</param>
/// <param name="Date">The day of the talk.</param>
public sealed record TalkFact(string NodeId, long Sequence, TalkKind Kind, int People, DateOnly Date);
