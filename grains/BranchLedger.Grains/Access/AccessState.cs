using BranchLedger.Contracts.Access;

namespace BranchLedger.Grains.Access;

/// <summary>What the access grain persists.</summary>
[GenerateSerializer, Alias("branchledger.state.Access.v1")]
public sealed class AccessState
{
    /// <summary>Role bindings, ordered by subject then grant.</summary>
    [Id(0)] public List<RoleBinding> Bindings { get; set; } = [];

    /// <summary>API keys by id.</summary>
    [Id(1)] public Dictionary<string, ApiKeyInfo> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Request ids already applied, with what they applied (operation and target), so a retry is
    /// answered "replayed" and a reused id with other content is refused. Bounded: oldest go first.
    /// </summary>
    [Id(2)] public Dictionary<string, string> Applied { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Applied request ids in arrival order, for trimming <see cref="Applied"/>.</summary>
    [Id(3)] public Queue<string> AppliedOrder { get; set; } = new();

    /// <summary>The key each key-creating request made, so its retry answers with the same key.</summary>
    [Id(4)] public Dictionary<string, string> KeyRequests { get; set; } = new(StringComparer.Ordinal);
}
