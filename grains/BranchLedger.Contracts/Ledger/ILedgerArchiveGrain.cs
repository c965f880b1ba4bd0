namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// The sealed records of one calendar year of a node's ledger. Key: <see cref="GrainKeys.Archive"/>.
/// Written only by its ledger when it seals a year; read through the ledger, which merges what it
/// still holds of that year (e.g. duties carried forward) with the archive.
/// </summary>
public interface ILedgerArchiveGrain : ITenantOwnedGrain
{
    /// <summary>
    /// Adds records, each sequence once (a sequence already held is kept as it is), durably; returns
    /// how many records the archive holds. Storing the same records again changes nothing, so a seal
    /// interrupted half-way can simply be run again.
    /// </summary>
    Task<int> Store(IReadOnlyList<LedgerRecord> records);

    /// <summary>Every record of the archive, in sequence order.</summary>
    Task<IReadOnlyList<LedgerRecord>> Records();
}
