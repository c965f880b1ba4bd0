using BranchLedger.Domain.Directory;

namespace BranchLedger.Contracts.Directory;

/// <summary>A node of the organisation tree as it is now (or was after a given change).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.DirectoryNode")]
public sealed record DirectoryNode
{
    /// <summary>Unique in the tenant, never reused.</summary>
    [Id(0)] public required string NodeId { get; init; }

    /// <summary>Its level.</summary>
    [Id(1)] public required NodeKind Kind { get; init; }

    /// <summary>The current name.</summary>
    [Id(2)] public required string Name { get; init; }

    /// <summary>The parent; null for a root organisation.</summary>
    [Id(3)] public string? ParentId { get; init; }

    /// <summary>Whether it is closed.</summary>
    [Id(4)] public bool IsClosed { get; init; }

    /// <summary>Why it was closed; empty while open.</summary>
    [Id(5)] public string CloseReason { get; init; } = "";

    /// <summary>Who created it.</summary>
    [Id(6)] public required string CreatedBy { get; init; }

    /// <summary>When it was created.</summary>
    [Id(7)] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who made its last change (create, rename, move or close; rosters are not counted).</summary>
    [Id(8)] public required string UpdatedBy { get; init; }

    /// <summary>When its last change was made.</summary>
    [Id(9)] public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was closed; null while open.</summary>
    [Id(10)] public DateTimeOffset? ClosedAt { get; init; }
}
