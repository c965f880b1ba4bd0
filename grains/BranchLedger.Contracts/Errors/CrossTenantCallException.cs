namespace BranchLedger.Contracts.Errors;

/// <summary>
/// A call on behalf of one tenant reached a grain of another. It means a bug, never a user error:
/// the gateway answers PERMISSION_DENIED and logs it.
/// </summary>
[GenerateSerializer, Alias("branchledger.CrossTenantCallException")]
public sealed class CrossTenantCallException(string message) : Exception(message);
