namespace BranchLedger.Contracts.Directory;

/// <summary>Asks a tenant's directory to make one change.</summary>
/// <typeparam name="TChange">The kind of change; each grain method takes one kind.</typeparam>
[GenerateSerializer, Immutable, Alias("branchledger.DirectoryCommand`1")]
public sealed record DirectoryCommand<TChange>
    where TChange : DirectoryChange
{
    /// <summary>The client request id; a retry with the same id is answered, not counted again.</summary>
    [Id(0)] public required string RequestId { get; init; }

    /// <summary>The caller who makes the change.</summary>
    [Id(1)] public required string RecordedBy { get; init; }

    /// <summary>The change, exactly as it will be stored.</summary>
    [Id(2)] public required TChange Change { get; init; }
}
