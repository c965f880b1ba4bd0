namespace BranchLedger.Contracts.Ledger;

/// <summary>A reference to supporting evidence (佐证材料): where it is, its SHA-256 and media type.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.EvidenceRef")]
public sealed record EvidenceRef(
    [property: Id(0)] string Uri,
    [property: Id(1)] string Sha256,
    [property: Id(2)] string MediaType);
