namespace BranchLedger.Domain.Reports;

/// <summary>
/// One branch's 三会一课 for a year, as compliance counted it: the caller gives the numbers because
/// the obligations (frequencies, quorums) live in data, not here.
/// </summary>
/// <param name="NodeId">The branch.</param>
/// <param name="Year">The calendar year counted.</param>
/// <param name="Held">Sessions held that count towards the obligations (≥ 0).</param>
/// <param name="Required">Sessions required (≥ 0).</param>
public sealed record ThreeMeetingsOneLectureFact(string NodeId, int Year, int Held, int Required);
