using BranchLedger.Contracts.Audit;

namespace BranchLedger.Contracts.Ledger;

/// <summary>Asks a ledger to append one record.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.AppendCommand")]
public sealed record AppendCommand
{
    /// <summary>The client request id; a retry with the same id is answered, not counted again.</summary>
    [Id(0)] public required string RequestId { get; init; }

    /// <summary>The caller who records it.</summary>
    [Id(1)] public required string RecordedBy { get; init; }

    /// <summary>What to record.</summary>
    [Id(2)] public required RecordBody Body { get; init; }

    /// <summary>Optional evidence references; never required.</summary>
    [Id(3)] public IReadOnlyList<EvidenceRef> Evidence { get; init; } = [];

    /// <summary>
    /// The audit entry of this write, committed with its record rows in one transaction (the gateway
    /// passes it, then writes none of its own); null when the caller audits, or nothing is audited.
    /// A replay or a refusal writes no rows, so it is not committed with anything: the caller audits it.
    /// </summary>
    [Id(4)] public AuditEntry? Audit { get; init; }

    /// <summary>Same content as another command (the list compared by value, which records do not do).</summary>
    public bool SameContentAs(LedgerRecord record) =>
        record.Body == Body && record.RecordedBy == RecordedBy && record.Evidence.SequenceEqual(Evidence);
}
