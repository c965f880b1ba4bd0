namespace BranchLedger.Domain.Reports;

/// <summary>A current integrity-risk point (廉政风险点) and its control measures.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Measures">How many control measures it has (≥ 0).</param>
/// <param name="Date">The day it was recorded.</param>
public sealed record RiskPointFact(string NodeId, long Sequence, int Measures, DateOnly Date);
