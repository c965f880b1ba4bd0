using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Ledger;

namespace BranchLedger.Grains.Ledger.Journal;

/// <summary>
/// Where ledger records are durable: an append-only journal per ledger (migration 0006). A write
/// appends its records and its audit row in one transaction; the grain's persisted state is only a
/// snapshot that speeds up activation.
/// </summary>
public interface ILedgerJournal
{
    /// <summary>
    /// Appends <paramref name="records"/> (and <paramref name="audit"/>, if any) in one transaction.
    /// Throws <see cref="JournalConflictException"/> when a sequence or request id is already taken
    /// (nothing is written then), <see cref="Contracts.Errors.StorageUnavailableException"/> on any
    /// other failure (nothing or everything may have been written: reload before deciding again).
    /// </summary>
    Task AppendAsync(string ledger, IReadOnlyList<LedgerRecord> records, AuditEntry? audit, CancellationToken cancellationToken = default);

    /// <summary>The records after <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<LedgerRecord>> ReadAfterAsync(string ledger, long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>The records dated in <paramref name="year"/>, in sequence order.</summary>
    Task<IReadOnlyList<LedgerRecord>> ReadYearAsync(string ledger, int year, CancellationToken cancellationToken = default);

    /// <summary>The records with these sequences (those that exist), in sequence order.</summary>
    Task<IReadOnlyList<LedgerRecord>> ReadSequencesAsync(string ledger, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default);

    /// <summary>The records created under these request ids (those that exist), in sequence order.</summary>
    Task<IReadOnlyList<LedgerRecord>> FindByRequestIdsAsync(string ledger, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken = default);

    /// <summary>How many records the ledger holds, and its highest sequence (0 when empty).</summary>
    Task<(long Count, long LastSequence)> CountAsync(string ledger, CancellationToken cancellationToken = default);

    /// <summary>Records a seal (closed books); false when one under the same request id is already there.</summary>
    Task<bool> AppendSealAsync(string ledger, SealEvent seal, CancellationToken cancellationToken = default);

    /// <summary>The ledger's seals, in the order they were made.</summary>
    Task<IReadOnlyList<SealEvent>> ReadSealsAsync(string ledger, CancellationToken cancellationToken = default);
}

/// <summary>A sequence or request id was already in the journal: another activation wrote first, or a retry raced.</summary>
public sealed class JournalConflictException(string message, bool requestIdTaken) : Exception(message)
{
    /// <summary>True when the request id was taken (a replay); false when the sequence was (another writer).</summary>
    public bool RequestIdTaken { get; } = requestIdTaken;
}
