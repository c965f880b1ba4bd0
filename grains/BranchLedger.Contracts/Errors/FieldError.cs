namespace BranchLedger.Contracts.Errors;

/// <summary>One field of a command that was refused, and why.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.FieldError")]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Description);
