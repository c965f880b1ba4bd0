namespace BranchLedger.Contracts.Errors;

/// <summary>The request names something that does not exist in the caller's tenant (gRPC NOT_FOUND).</summary>
[GenerateSerializer, Alias("branchledger.NotFoundException")]
public sealed class NotFoundException(string resourceType, string resourceName, string message) : Exception(message)
{
    /// <summary>The API's type of the missing thing, e.g. <c>branchledger.v1.Node</c>.</summary>
    [Id(0)] public string ResourceType { get; } = resourceType;

    /// <summary>The id asked for.</summary>
    [Id(1)] public string ResourceName { get; } = resourceName;
}
