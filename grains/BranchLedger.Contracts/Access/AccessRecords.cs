namespace BranchLedger.Contracts.Access;

/// <summary>Bind or unbind <paramref name="Grant"/> for <paramref name="Subject"/>.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.access.BindGrantCommand")]
public sealed record BindGrantCommand(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Grant,
    [property: Id(3)] string By);

/// <summary>Store an API key created by the gateway; the secret itself never reaches the cluster.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.access.AddApiKeyCommand")]
public sealed record AddApiKeyCommand(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string KeyId,
    [property: Id(2)] string SecretHash,
    [property: Id(3)] string Name,
    [property: Id(4)] string Grant,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] string By,
    [property: Id(7)] DateTimeOffset CreatedAt);

/// <summary>Revoke a key.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.access.RevokeApiKeyCommand")]
public sealed record RevokeApiKeyCommand(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string KeyId,
    [property: Id(2)] string By,
    [property: Id(3)] DateTimeOffset At);

/// <summary>Whether a write was new or a replay of an earlier request with the same id.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.access.AccessWriteResult")]
public sealed record AccessWriteResult([property: Id(0)] bool Replayed, [property: Id(1)] string? KeyId = null);

/// <summary>One binding.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.access.RoleBinding")]
public sealed record RoleBinding(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Grant,
    [property: Id(2)] string BoundBy,
    [property: Id(3)] DateTimeOffset BoundAt);

/// <summary>An API key as stored: never the secret, only its hash.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.access.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Grant,
    [property: Id(3)] string SecretHash,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset? ExpiresAt,
    [property: Id(7)] DateTimeOffset? RevokedAt);
