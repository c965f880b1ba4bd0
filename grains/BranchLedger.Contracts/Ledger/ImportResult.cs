using BranchLedger.Contracts.Errors;

namespace BranchLedger.Contracts.Ledger;

/// <summary>What became of one row of a bulk import.</summary>
public enum ImportOutcome
{
    /// <summary>Recorded now.</summary>
    Accepted = 1,
    /// <summary>Recorded before under the same request id with the same content.</summary>
    Duplicate = 2,
    /// <summary>Not recorded; see the errors.</summary>
    Rejected = 3,
}

/// <summary>One row's result: the record (accepted or duplicate) or why it was rejected.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ImportResult")]
public sealed record ImportResult(
    [property: Id(0)] ImportOutcome Outcome,
    [property: Id(1)] LedgerRecord? Record,
    [property: Id(2)] IReadOnlyList<FieldError> Errors);
