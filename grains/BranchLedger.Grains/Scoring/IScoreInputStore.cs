namespace BranchLedger.Grains.Scoring;

/// <summary>One branch's stored score inputs as a bulk read returns them.</summary>
/// <param name="Ledger">The ledger grain's key.</param>
/// <param name="Version">The ledger's monotonic version of the inputs (also the version its scores are pushed with).</param>
/// <param name="Format">The format of <paramref name="Inputs"/> (<see cref="BranchLedger.Ledger.ScoreInputs.Format"/>).</param>
/// <param name="Inputs">The bytes of <see cref="BranchLedger.Ledger.ScoreInputs.ToBytes"/>.</param>
/// <param name="Fresh">False when the journal holds records the inputs do not include (a save lost after a write).</param>
public sealed record StoredScoreInputs(string Ledger, long Version, int Format, byte[] Inputs, bool Fresh);

/// <summary>
/// Where each branch's score inputs are kept (migration 0007): written by its ledger when they change,
/// read in bulk by a rebuild or a rescoring. A derived copy of the journal, never the truth.
/// </summary>
public interface IScoreInputStore
{
    /// <summary>
    /// Stores a ledger's inputs unless a row of a version at least as new is there already (idempotent,
    /// never backwards). <paramref name="lastSequence"/> is the last journal sequence they include.
    /// </summary>
    Task SaveAsync(string ledger, long version, long lastSequence, int format, byte[] inputs, CancellationToken cancellationToken = default);

    /// <summary>Every stored row in ledger key order, read a page of <paramref name="pageSize"/> at a time.</summary>
    IAsyncEnumerable<StoredScoreInputs> ReadAllAsync(int pageSize, CancellationToken cancellationToken = default);
}
