using BranchLedger.Domain.Warnings;

namespace BranchLedger.Domain.Reports;

/// <summary>A duty-list item as the annual report sees it; it belongs to the year it is due in.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Due">The last day it is due.</param>
/// <param name="Status">Where it stands now.</param>
/// <param name="DoneOnTime">True when it was done (or verified) on or before <paramref name="Due"/>.</param>
public sealed record DutyItemReportFact(string NodeId, long Sequence, DateOnly Due, DutyStatus Status, bool DoneOnTime);
