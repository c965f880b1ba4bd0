namespace BranchLedger.Contracts.Ledger;

/// <summary>Which records to list.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RecordQuery")]
public sealed record RecordQuery
{
    /// <summary>Continue after this sequence (0 for the start).</summary>
    [Id(0)] public long AfterSequence { get; init; }

    /// <summary>At most this many records.</summary>
    [Id(1)] public int PageSize { get; init; } = 50;

    /// <summary>Every entry, corrections and void records included, instead of the current view.</summary>
    [Id(2)] public bool IncludeHistory { get; init; }

    /// <summary>Only this family (e.g. <c>meeting</c>); empty for all.</summary>
    [Id(3)] public string Family { get; init; } = "";

    /// <summary>
    /// Only records of this calendar year (by their current date; corrections go with their target).
    /// A sealed year is read from its archive; null lists the live ledger.
    /// </summary>
    [Id(4)] public int? Year { get; init; }
}
