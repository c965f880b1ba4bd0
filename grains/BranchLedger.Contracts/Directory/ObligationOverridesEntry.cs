namespace BranchLedger.Contracts.Directory;

/// <summary>A recorded override list, with who recorded it and when.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ObligationOverridesEntry")]
public sealed record ObligationOverridesEntry
{
    /// <summary>The overrides, in the order given.</summary>
    [Id(0)] public IReadOnlyList<ObligationOverrideTerms> Overrides { get; init; } = [];

    /// <summary>Position of the entry in the tenant's directory history.</summary>
    [Id(1)] public required long Sequence { get; init; }

    /// <summary>The client request id that recorded it.</summary>
    [Id(2)] public required string RequestId { get; init; }

    /// <summary>Who recorded it.</summary>
    [Id(3)] public required string RecordedBy { get; init; }

    /// <summary>When it was recorded.</summary>
    [Id(4)] public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Compared by content (the list element by element), so a replayed answer equals the first.</summary>
    public bool Equals(ObligationOverridesEntry? other) =>
        other is not null
        && Sequence == other.Sequence
        && RequestId == other.RequestId
        && RecordedBy == other.RecordedBy
        && RecordedAt == other.RecordedAt
        && Overrides.SequenceEqual(other.Overrides);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Sequence, RequestId, RecordedBy, RecordedAt, Overrides.Count);

    /// <summary>The override list an entry recorded.</summary>
    public static ObligationOverridesEntry Of(DirectoryEntry entry) => new()
    {
        Overrides = ((ObligationOverridesSet)entry.Change).Overrides,
        Sequence = entry.Sequence,
        RequestId = entry.RequestId,
        RecordedBy = entry.RecordedBy,
        RecordedAt = entry.RecordedAt,
    };
}
