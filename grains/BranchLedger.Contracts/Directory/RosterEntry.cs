namespace BranchLedger.Contracts.Directory;

/// <summary>A recorded roster of a node, with who recorded it and when.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RosterEntry")]
public sealed record RosterEntry
{
    /// <summary>The node.</summary>
    [Id(0)] public required string NodeId { get; init; }

    /// <summary>The roster.</summary>
    [Id(1)] public required RosterFigures Roster { get; init; }

    /// <summary>Position of the entry in the tenant's directory history.</summary>
    [Id(2)] public required long Sequence { get; init; }

    /// <summary>The client request id that recorded it.</summary>
    [Id(3)] public required string RequestId { get; init; }

    /// <summary>Who recorded it.</summary>
    [Id(4)] public required string RecordedBy { get; init; }

    /// <summary>When it was recorded.</summary>
    [Id(5)] public required DateTimeOffset RecordedAt { get; init; }
}
