namespace BranchLedger.Domain.Reports;

/// <summary>An inspection finding as the annual report sees it; it belongs to the year it was raised in.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Raised">The day it was recorded.</param>
/// <param name="Closed">True once verified and closed (销号); a reopened finding is not closed.</param>
/// <param name="Overdue">True when open past its deadline, as of the day the facts were built.</param>
/// <param name="Source">Where it came from as recorded (巡察, 审计, …): the report names the year's sources (结合…整改); empty when not carried.</param>
public sealed record FindingReportFact(string NodeId, long Sequence, DateOnly Raised, bool Closed, bool Overdue, string Source = "");
