using Orleans.Concurrency;

namespace BranchLedger.Contracts.Access;

/// <summary>
/// Who may do what (key <see cref="AccessKeys.Platform"/>): role bindings of users and the API keys of
/// system clients. One small grain is enough — it changes rarely and gateways cache what they read.
/// Grants are spelled as <see cref="Domain.Access.Grant"/> writes them.
/// </summary>
public interface IAccessGrain : IGrainWithStringKey
{
    /// <summary>Binds a grant to a subject (idempotent by request id and by content).</summary>
    Task<AccessWriteResult> Bind(BindGrantCommand command);

    /// <summary>Removes a grant from a subject; NotFound when it was not bound.</summary>
    Task<AccessWriteResult> Unbind(BindGrantCommand command);

    /// <summary>The grants bound to a subject (empty when none).</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<string>> GrantsOf(string subject);

    /// <summary>Bindings, ordered by subject then grant, optionally only those reaching a tenant.</summary>
    [ReadOnly]
    Task<IReadOnlyList<RoleBinding>> ListBindings(string? tenant);

    /// <summary>Stores a new API key's hash and grant.</summary>
    Task<AccessWriteResult> AddApiKey(AddApiKeyCommand command);

    /// <summary>Revokes a key for good; NotFound when there is no such key.</summary>
    Task<AccessWriteResult> RevokeApiKey(RevokeApiKeyCommand command);

    /// <summary>A key by id, with its hash, or null.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<ApiKeyInfo?> FindApiKey(string keyId);

    /// <summary>Keys, newest first, optionally only those reaching a tenant.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ApiKeyInfo>> ListApiKeys(string? tenant);
}

/// <summary>Keys of the access grain.</summary>
public static class AccessKeys
{
    /// <summary>The one access grain. It holds no tenant's records, like the city grains.</summary>
    public const string Platform = "platform";
}
