namespace BranchLedger.Contracts.Errors;

/// <summary>
/// A well-formed request that the current state does not allow, e.g. closing a node with open
/// children (gRPC FAILED_PRECONDITION). Retrying it unchanged will fail again until the state changes.
/// </summary>
[GenerateSerializer, Alias("branchledger.PreconditionFailedException")]
public sealed class PreconditionFailedException(string type, string subject, string message) : Exception(message)
{
    /// <summary>A stable code clients branch on, e.g. <c>OPEN_CHILDREN</c>.</summary>
    [Id(0)] public string Type { get; } = type;

    /// <summary>What the rule is about, usually a request field such as <c>parent_id</c>.</summary>
    [Id(1)] public string Subject { get; } = subject;
}
