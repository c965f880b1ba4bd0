namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// An entry about an earlier record rather than a record of its own: a correction or a review. Such
/// entries stay out of the current view (and so out of compliance, scores and reports), go with their
/// record into its year's archive, and show in the record's history. An interface, not a base class:
/// inserting a class between <see cref="RecordBody"/> and a stored type would change its serialized shape.
/// </summary>
public interface ITargetsRecord
{
    /// <summary>The sequence of the record it is about.</summary>
    long TargetSequence { get; }
}
