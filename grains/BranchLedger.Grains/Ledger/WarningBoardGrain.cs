using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Ledger;

/// <summary>What a warning board persists: the latest warnings of each node.</summary>
[GenerateSerializer, Alias("branchledger.state.WarningBoard.v1")]
public sealed class WarningBoardState
{
    /// <summary>Node id → its latest warnings.</summary>
    [Id(0)] public Dictionary<string, NodeWarnings> Nodes { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A tenant's warnings board. Derived state: every entry is recomputed by its ledger each day, so a
/// lost board refills itself within a day.
/// </summary>
public sealed class WarningBoardGrain(
    [PersistentState(stateName: WarningBoardGrain.StateName, storageName: StorageNames.Ledger)]
    IPersistentState<WarningBoardState> board,
    ILogger<WarningBoardGrain> logger) : Grain, IWarningBoardGrain
{
    /// <summary>The state name (unique per grain class).</summary>
    public const string StateName = "warning-board";

    /// <inheritdoc />
    public async Task Publish(NodeWarnings warnings)
    {
        if (board.State.Nodes.TryGetValue(warnings.NodeId, out var current)
            && current.AsOf == warnings.AsOf && current.Warnings.SequenceEqual(warnings.Warnings))
        {
            return;
        }

        board.State.Nodes[warnings.NodeId] = warnings;
        try
        {
            await board.WriteStateAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Warning board write failed for {Grain}", this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw new StorageUnavailableException("The warning board could not be saved; the ledger will publish again.");
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NodeWarnings>> List(string? nodeId) => Task.FromResult<IReadOnlyList<NodeWarnings>>(
        [.. board.State.Nodes.Values.Where(n => nodeId is null || n.NodeId == nodeId).OrderBy(n => n.NodeId, StringComparer.Ordinal)]);
}
