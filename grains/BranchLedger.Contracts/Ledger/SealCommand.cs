namespace BranchLedger.Contracts.Ledger;

/// <summary>Seal every finished record dated in or before <paramref name="Year"/> into the archives.</summary>
/// <param name="Year">A calendar year that has ended in the tenant's calendar.</param>
/// <param name="RequestId">The client request id: the same id again answers the first result.</param>
/// <param name="RequestedBy">Who asked.</param>
[GenerateSerializer, Immutable, Alias("branchledger.SealCommand")]
public sealed record SealCommand(
    [property: Id(0)] int Year,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string RequestedBy);

/// <summary>What a seal did.</summary>
/// <param name="Year">The year sealed through.</param>
/// <param name="SealedRecords">Records moved into archives by this seal.</param>
/// <param name="CarriedForward">Records dated in or before the year that stay live: open duty items and findings with every step and correction of them.</param>
/// <param name="LiveRecords">Records the live ledger holds after the seal.</param>
/// <param name="SealedYears">Every year with an archive, ascending.</param>
/// <param name="Replayed">True when the request id had been seen: nothing was done again.</param>
[GenerateSerializer, Immutable, Alias("branchledger.SealResult")]
public sealed record SealResult(
    [property: Id(0)] int Year,
    [property: Id(1)] int SealedRecords,
    [property: Id(2)] int CarriedForward,
    [property: Id(3)] int LiveRecords,
    [property: Id(4)] IReadOnlyList<int> SealedYears,
    [property: Id(5)] bool Replayed);
