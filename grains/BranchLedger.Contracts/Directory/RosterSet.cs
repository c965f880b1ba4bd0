namespace BranchLedger.Contracts.Directory;

/// <summary>A node's roster was recorded from a day on.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RosterSet")]
public sealed record RosterSet : NodeChange
{
    /// <summary>The roster.</summary>
    [Id(0)] public required RosterFigures Roster { get; init; }
}
