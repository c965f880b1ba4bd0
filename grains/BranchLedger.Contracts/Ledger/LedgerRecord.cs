namespace BranchLedger.Contracts.Ledger;

/// <summary>One immutable entry of a ledger.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.LedgerRecord")]
public sealed record LedgerRecord
{
    /// <summary>Position in the ledger, from 1, never reused.</summary>
    [Id(0)] public required long Sequence { get; init; }

    /// <summary>The client request id that created it.</summary>
    [Id(1)] public required string RequestId { get; init; }

    /// <summary>Who recorded it.</summary>
    [Id(2)] public required string RecordedBy { get; init; }

    /// <summary>When the ledger accepted it.</summary>
    [Id(3)] public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>What it records.</summary>
    [Id(4)] public required RecordBody Body { get; init; }

    /// <summary>Optional evidence references.</summary>
    [Id(5)] public IReadOnlyList<EvidenceRef> Evidence { get; init; } = [];

    /// <summary>The record's id as the API shows it.</summary>
    public string RecordId => IdOf(Sequence);

    /// <summary>The API id of a sequence.</summary>
    public static string IdOf(long sequence) => $"rec-{sequence}";

    /// <summary>The error for a record id that names no record of the ledger.</summary>
    public static Errors.NotFoundException NotFound(string recordId) =>
        new("branchledger.v1.LedgerRecord", recordId, $"No record '{recordId}' in this ledger.");

    /// <summary>The sequence an API id names, or null when it names none.</summary>
    public static long? SequenceOf(string recordId) =>
        recordId.StartsWith("rec-", StringComparison.Ordinal)
        && long.TryParse(recordId.AsSpan(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
        && sequence > 0
            ? sequence
            : null;
}
