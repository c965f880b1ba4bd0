namespace BranchLedger.Contracts.Errors;

/// <summary>
/// The request would create something that exists already (gRPC ALREADY_EXISTS). A retry of the
/// request that created it is not this: it carries the same request id and is answered as a replay.
/// </summary>
[GenerateSerializer, Alias("branchledger.AlreadyExistsException")]
public sealed class AlreadyExistsException(string resourceType, string resourceName, string message) : Exception(message)
{
    /// <summary>The API's type of the existing thing, e.g. <c>branchledger.v1.Node</c>.</summary>
    [Id(0)] public string ResourceType { get; } = resourceType;

    /// <summary>Its id.</summary>
    [Id(1)] public string ResourceName { get; } = resourceName;
}
