namespace BranchLedger.Contracts.Errors;

/// <summary>A request id that was already used for a different write.</summary>
[GenerateSerializer, Alias("branchledger.RequestIdConflictException")]
public sealed class RequestIdConflictException(string requestId)
    : Exception($"Request id '{requestId}' was already used for a different write.")
{
    /// <summary>The reused id.</summary>
    [Id(0)] public string RequestId { get; } = requestId;
}
