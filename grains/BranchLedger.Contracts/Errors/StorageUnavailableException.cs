namespace BranchLedger.Contracts.Errors;

/// <summary>
/// Durable storage did not take the write (or could not be read), so nothing was acknowledged.
/// Raised inside grains in place of driver exceptions, which Orleans cannot always carry across a call.
/// </summary>
[GenerateSerializer, Alias("branchledger.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message) : Exception(message);
