using System.Text;

namespace BranchLedger.CityData;

/// <summary>
/// The demo city's randomness: one <see cref="Random"/> per (tenant, node, year), seeded from a stable
/// hash of those names, so a year looks the same whichever day it is generated on.
/// </summary>
internal sealed class DemoRandom(params string[] parts)
{
    private const int Seed = 20_240_701;
    private readonly Random _random = new(Hash(parts));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => _random.Next(min, max + 1);

    public double Next() => _random.NextDouble();

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>The items in a shuffled order (Fisher–Yates), the input untouched.</summary>
    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    // FNV-1a over UTF-8: string.GetHashCode differs from run to run, this does not.
    private static int Hash(string[] parts)
    {
        var hash = 2_166_136_261u ^ Seed;
        foreach (var b in Encoding.UTF8.GetBytes(string.Join('/', parts)))
        {
            hash = (hash ^ b) * 16_777_619u;
        }

        return (int)(hash & 0x7FFF_FFFF);
    }
}
