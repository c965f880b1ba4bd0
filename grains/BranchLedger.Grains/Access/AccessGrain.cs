using BranchLedger.Contracts.Access;
using BranchLedger.Contracts.Errors;
using BranchLedger.Domain.Access;

namespace BranchLedger.Grains.Access;

/// <summary>Role bindings and API keys. Checks who may change them happen at the gateway (<see cref="GrantRules"/>).</summary>
public sealed class AccessGrain(
    [PersistentState(stateName: "access-catalog", storageName: StorageNames.Ledger)] IPersistentState<AccessState> access,
    TimeProvider clock)
    : Grain, IAccessGrain
{
    private const int RememberedRequests = 20_000;

    private AccessState State => access.State;

    /// <inheritdoc />
    public Task<AccessWriteResult> Bind(BindGrantCommand command) =>
        Apply(command.RequestId, $"bind {command.Subject} {command.Grant}", () =>
        {
            var binding = new RoleBinding(command.Subject, Canonical(command.Grant), command.By, clock.GetUtcNow());
            var at = State.Bindings.FindIndex(b => Same(b, binding));
            if (at < 0)
            {
                State.Bindings.Add(binding);
                State.Bindings.Sort(static (a, b) => string.CompareOrdinal(a.Subject + "\n" + a.Grant, b.Subject + "\n" + b.Grant));
            }
        });

    /// <inheritdoc />
    public Task<AccessWriteResult> Unbind(BindGrantCommand command) =>
        Apply(command.RequestId, $"unbind {command.Subject} {command.Grant}", () =>
        {
            var grant = Canonical(command.Grant);
            if (State.Bindings.RemoveAll(b => b.Subject == command.Subject && b.Grant == grant) == 0)
            {
                throw new NotFoundException("branchledger.v1.RoleBinding", $"{command.Subject} {grant}", $"'{command.Subject}' has no grant '{grant}'.");
            }
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GrantsOf(string subject) =>
        Task.FromResult<IReadOnlyList<string>>([.. State.Bindings.Where(b => b.Subject == subject).Select(b => b.Grant)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<RoleBinding>> ListBindings(string? tenant) =>
        Task.FromResult<IReadOnlyList<RoleBinding>>([.. State.Bindings.Where(b => tenant is null || Reaches(b.Grant, tenant))]);

    /// <inheritdoc />
    public Task<AccessWriteResult> AddApiKey(AddApiKeyCommand command) =>
        // The key id is new on every attempt, so a retry is recognised by its request, name and grant.
        Apply(command.RequestId, $"key {command.Name} {Canonical(command.Grant)}", () =>
        {
            if (!State.ApiKeys.TryAdd(command.KeyId, new ApiKeyInfo(command.KeyId, command.Name, Canonical(command.Grant), command.SecretHash,
                command.CreatedAt, command.By, command.ExpiresAt, null)))
            {
                throw new AlreadyExistsException("branchledger.v1.ApiKey", command.KeyId, $"API key '{command.KeyId}' already exists.");
            }

            State.KeyRequests[command.RequestId] = command.KeyId;
        }, command.KeyId);

    /// <inheritdoc />
    public Task<AccessWriteResult> RevokeApiKey(RevokeApiKeyCommand command) =>
        Apply(command.RequestId, $"revoke {command.KeyId}", () =>
        {
            if (!State.ApiKeys.TryGetValue(command.KeyId, out var key))
            {
                throw new NotFoundException("branchledger.v1.ApiKey", command.KeyId, $"There is no API key '{command.KeyId}'.");
            }

            State.ApiKeys[command.KeyId] = key with { RevokedAt = key.RevokedAt ?? command.At };
        });

    /// <inheritdoc />
    public Task<ApiKeyInfo?> FindApiKey(string keyId) => Task.FromResult(State.ApiKeys.GetValueOrDefault(keyId));

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKeyInfo>> ListApiKeys(string? tenant) =>
        Task.FromResult<IReadOnlyList<ApiKeyInfo>>([.. State.ApiKeys.Values
            .Where(k => tenant is null || Reaches(k.Grant, tenant))
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal)]);

    private async Task<AccessWriteResult> Apply(string requestId, string what, Action change, string? keyId = null)
    {
        if (State.Applied.TryGetValue(requestId, out var earlier))
        {
            return earlier == what
                ? new AccessWriteResult(Replayed: true, State.KeyRequests.GetValueOrDefault(requestId))
                : throw new RequestIdConflictException(requestId);
        }

        var before = Snapshot();
        change();
        State.Applied[requestId] = what;
        State.AppliedOrder.Enqueue(requestId);
        while (State.AppliedOrder.Count > RememberedRequests)
        {
            var forgotten = State.AppliedOrder.Dequeue();
            State.Applied.Remove(forgotten);
            State.KeyRequests.Remove(forgotten);
        }

        try
        {
            await access.WriteStateAsync();
        }
        catch
        {
            // Nothing half-applied stays in memory when the write fails.
            access.State = before;
            throw;
        }

        return new AccessWriteResult(Replayed: false, keyId);
    }

    private AccessState Snapshot() => new()
    {
        Bindings = [.. State.Bindings],
        ApiKeys = new Dictionary<string, ApiKeyInfo>(State.ApiKeys, StringComparer.Ordinal),
        Applied = new Dictionary<string, string>(State.Applied, StringComparer.Ordinal),
        KeyRequests = new Dictionary<string, string>(State.KeyRequests, StringComparer.Ordinal),
        AppliedOrder = new Queue<string>(State.AppliedOrder),
    };

    private static bool Same(RoleBinding a, RoleBinding b) => a.Subject == b.Subject && a.Grant == b.Grant;

    private static string Canonical(string grant) =>
        Grant.Parse(grant)?.ToString() ?? throw new InvalidCommandException([new FieldError("grant", $"'{grant}' is not a grant.")]);

    private static bool Reaches(string grant, string tenant) => Grant.Parse(grant)?.Tenants?.Contains(tenant) ?? true;
}
