namespace BranchLedger.Domain.Scoring;

/// <summary>A duty-list item (责任清单事项) as scoring sees it.</summary>
/// <param name="Id">The duty id.</param>
/// <param name="Due">The last day it is due; the item is judged in the period containing this day.</param>
/// <param name="DoneOn">The date of the step that reported it done (a later verification does not move it); null while not done.</param>
/// <param name="Sequences">Its ledger records (the item and its progress steps), so a score can point back to them.</param>
public sealed record ScoringDutyItem(string Id, DateOnly Due, DateOnly? DoneOn, IReadOnlyList<long> Sequences);
