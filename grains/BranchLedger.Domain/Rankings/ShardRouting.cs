using System.Text;

namespace BranchLedger.Domain.Rankings;

/// <summary>
/// Which city shard holds a branch. The hash must be the same in every process and release
/// (string.GetHashCode is randomised per process), so it is FNV-1a (32-bit) over the UTF-8 bytes of
/// "{tenant}/{node}", taken modulo the shard count.
/// </summary>
public static class ShardRouting
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>The shard (0 to <paramref name="shards"/> − 1) of the branch.</summary>
    public static int ShardOf(string tenant, string nodeId, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        return (int)(Fnv1a($"{tenant}/{nodeId}") % (uint)shards);
    }

    /// <summary>FNV-1a, 32-bit, over the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static uint Fnv1a(string text)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return hash;
    }
}
