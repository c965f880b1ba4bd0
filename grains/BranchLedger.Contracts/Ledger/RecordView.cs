namespace BranchLedger.Contracts.Ledger;

/// <summary>How a record stands after corrections.</summary>
public enum RecordStatus
{
    /// <summary>As recorded.</summary>
    Active = 1,
    /// <summary>Amended: <see cref="RecordView.Current"/> holds the latest amendment's content.</summary>
    Amended = 2,
    /// <summary>Voided by a correction; shown in the history only.</summary>
    Voided = 3,
}

/// <summary>A record as a listing shows it: the entry itself and what it currently says.</summary>
/// <param name="Record">The entry as it was appended.</param>
/// <param name="Current">What the record says now (the latest amendment's replacement, or its own body).</param>
/// <param name="Status">Active, amended or voided (corrections themselves are Active).</param>
[GenerateSerializer, Immutable, Alias("branchledger.RecordView")]
public sealed record RecordView(
    [property: Id(0)] LedgerRecord Record,
    [property: Id(1)] RecordBody Current,
    [property: Id(2)] RecordStatus Status);

/// <summary>A page of records in ledger order.</summary>
/// <param name="Records">The records.</param>
/// <param name="NextAfterSequence">The sequence to continue after, or null at the end.</param>
[GenerateSerializer, Immutable, Alias("branchledger.RecordPage")]
public sealed record RecordPage(
    [property: Id(0)] IReadOnlyList<RecordView> Records,
    [property: Id(1)] long? NextAfterSequence)
{
    /// <summary>The years sealed into archives, ascending.</summary>
    [Id(2)] public IReadOnlyList<int> SealedYears { get; init; } = [];
}

/// <summary>One record and every correction and review of it, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RecordHistory")]
public sealed record RecordHistory(
    [property: Id(0)] RecordView Record,
    [property: Id(1)] IReadOnlyList<LedgerRecord> Corrections)
{
    /// <summary>The record's review state; null when the entry is itself a correction or a review.</summary>
    [Id(2)] public ReviewStanding? Review { get; init; }
}
