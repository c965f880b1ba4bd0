using BranchLedger.Contracts.Directory;

namespace BranchLedger.Grains.Directory;

/// <summary>
/// What a tenant grain persists: its change entries in order, nothing else. The profile, the tree
/// and the rosters are derived from them (<see cref="DirectoryView"/>), so history cannot disagree
/// with the present.
/// </summary>
[GenerateSerializer, Alias("branchledger.state.TenantDirectory.v1")]
public sealed class TenantDirectoryState
{
    /// <summary>The entries, oldest first; the sequence of the last one is the history's length.</summary>
    [Id(0)] public List<DirectoryEntry> Entries { get; set; } = [];
}
