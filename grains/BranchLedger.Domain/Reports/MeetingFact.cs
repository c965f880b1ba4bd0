using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>A current meeting or study-session record.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Kind">What kind of meeting it was.</param>
/// <param name="Date">The day it was held.</param>
/// <param name="LecturedBySecretary">For a party lecture: true when the secretary gave it.</param>
public sealed record MeetingFact(string NodeId, long Sequence, MeetingKind Kind, DateOnly Date, bool LecturedBySecretary = false);
