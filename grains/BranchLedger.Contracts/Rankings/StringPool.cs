using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// Shares equal strings among every ranking a process holds. Every deserialised score brings its own
/// copies of the tenant id, node id, name, grade and dozens of indicator ids, and a branch has a score
/// in some 66 rankings (two years of periods, city and tenant); with 100,000 branches the copies were
/// most of the memory. The pool only grows with distinct strings (branches, names, grades), which the
/// directory bounds; it is thread-safe because a silo's shards and a gateway's replicas share it.
/// </summary>
public sealed class StringPool
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<BranchCard, BranchCard> _cards = new();

    /// <summary>The process's pool.</summary>
    public static StringPool Shared { get; } = new();

    /// <summary>The pooled copy of <paramref name="value"/>.</summary>
    public string Intern(string value) => value.Length == 0 ? "" : _strings.GetOrAdd(value, value);

    /// <summary>The pooled card equal to this branch's tenant, node, name and parent, its strings pooled.</summary>
    public BranchCard Card(string tenant, string nodeId, string displayName, string parentId)
    {
        var card = new BranchCard(Intern(tenant), nodeId, displayName, Intern(parentId));
        return _cards.GetOrAdd(card, card);
    }

    /// <summary>Strings held.</summary>
    public int Count => _strings.Count;
}
