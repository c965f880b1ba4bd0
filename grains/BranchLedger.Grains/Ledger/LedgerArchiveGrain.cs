using BranchLedger.Contracts.Ledger;

namespace BranchLedger.Grains.Ledger;

/// <summary>One sealed year of a ledger: written when its ledger seals, read through the ledger.</summary>
public sealed class LedgerArchiveGrain(
    [PersistentState(stateName: LedgerArchiveGrain.StateName, storageName: StorageNames.Ledger)]
    IPersistentState<LedgerArchiveState> archive) : Grain, ILedgerArchiveGrain
{
    /// <summary>The state name, distinct from the live ledger's.</summary>
    public const string StateName = "ledger-archive";

    /// <inheritdoc />
    public async Task<int> Store(IReadOnlyList<LedgerRecord> records)
    {
        var held = archive.State.Records.Select(r => r.Sequence).ToHashSet();
        var added = records.Where(r => held.Add(r.Sequence)).ToList();
        if (added.Count > 0)
        {
            var before = archive.State.Records;
            archive.State.Records = [.. before.Concat(added).OrderBy(r => r.Sequence)];
            try
            {
                await archive.WriteStateAsync();
            }
            catch
            {
                archive.State.Records = before;
                DeactivateOnIdle();
                throw;
            }
        }

        return archive.State.Records.Count;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerRecord>> Records() => Task.FromResult<IReadOnlyList<LedgerRecord>>(archive.State.Records);
}

/// <summary>What an archive persists: the sealed records in sequence order.</summary>
[GenerateSerializer, Alias("branchledger.state.LedgerArchive.v1")]
public sealed class LedgerArchiveState
{
    /// <summary>The records.</summary>
    [Id(0)] public List<LedgerRecord> Records { get; set; } = [];
}
