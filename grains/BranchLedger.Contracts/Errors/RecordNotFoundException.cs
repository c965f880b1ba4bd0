namespace BranchLedger.Contracts.Errors;

/// <summary>A record id that names no record of the ledger.</summary>
[GenerateSerializer, Alias("branchledger.RecordNotFoundException")]
public sealed class RecordNotFoundException(string recordId)
    : Exception($"No record '{recordId}' in this ledger.")
{
    /// <summary>The id asked for.</summary>
    [Id(0)] public string RecordId { get; } = recordId;
}
