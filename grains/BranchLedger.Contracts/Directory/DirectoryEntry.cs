namespace BranchLedger.Contracts.Directory;

/// <summary>One immutable entry of a tenant's directory history: a change, and who made it when.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.DirectoryEntry")]
public sealed record DirectoryEntry
{
    /// <summary>Position in the tenant's history, from 1, never reused.</summary>
    [Id(0)] public required long Sequence { get; init; }

    /// <summary>The client request id that made the change.</summary>
    [Id(1)] public required string RequestId { get; init; }

    /// <summary>Who made it.</summary>
    [Id(2)] public required string RecordedBy { get; init; }

    /// <summary>When the directory accepted it.</summary>
    [Id(3)] public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>What changed.</summary>
    [Id(4)] public required DirectoryChange Change { get; init; }
}
