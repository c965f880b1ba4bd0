namespace BranchLedger.Contracts.Directory;

/// <summary>
/// The tenant's complete list of obligation overrides was set; it replaces the previous list (an
/// empty one clears it), and earlier lists stay in the history.
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.ObligationOverridesSet")]
public sealed record ObligationOverridesSet : DirectoryChange
{
    /// <summary>Every override in force from now on, in the order given.</summary>
    [Id(0)] public IReadOnlyList<ObligationOverrideTerms> Overrides { get; init; } = [];

    /// <summary>Compared by content, so a retry with the same list is recognised as the same change.</summary>
    public bool Equals(ObligationOverridesSet? other) =>
        other is not null && base.Equals(other) && Overrides.SequenceEqual(other.Overrides);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Overrides.Count);
}
