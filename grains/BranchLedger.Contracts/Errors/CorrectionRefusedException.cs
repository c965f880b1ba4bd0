namespace BranchLedger.Contracts.Errors;

/// <summary>A correction that the ledger's state does not allow (the record is void, or is a correction).</summary>
[GenerateSerializer, Alias("branchledger.CorrectionRefusedException")]
public sealed class CorrectionRefusedException(string recordId, string reason)
    : Exception($"Record '{recordId}' cannot be corrected: {reason}.")
{
    /// <summary>The record the correction targeted.</summary>
    [Id(0)] public string RecordId { get; } = recordId;

    /// <summary>Why not.</summary>
    [Id(1)] public string Reason { get; } = reason;
}
