using System.Globalization;
using BranchLedger.Domain;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// Keys of the ranking grains. A shard is <c>{rubricVersion}/{period}/{scope}/{shard}</c>, where the
/// scope is <c>city</c> (shards 0..N−1, a branch's shard by <see cref="ShardRouting"/>) or
/// <c>tenant:{tenant}</c> (one shard, 0). The catalog is <see cref="Catalog"/>.
/// </summary>
public static class RankingKeys
{
    /// <summary>The key of the one <see cref="IRankingCatalogGrain"/>.</summary>
    public const string Catalog = "city";

    /// <summary>The city scope.</summary>
    public const string CityScope = "city";

    /// <summary>City shards of a new rubric version unless the catalog was told otherwise.</summary>
    public const int DefaultCityShards = 8;

    /// <summary>The most city shards a rubric version may have.</summary>
    public const int MaxCityShards = 256;

    private const string TenantScopePrefix = "tenant:";

    /// <summary>The key of city shard <paramref name="shard"/>.</summary>
    public static string CityShard(string rubricVersion, string period, int shard) =>
        Join(rubricVersion, period, CityScope, shard);

    /// <summary>The keys of every city shard.</summary>
    public static IReadOnlyList<string> CityShards(string rubricVersion, string period, int shards) =>
        [.. Enumerable.Range(0, shards).Select(s => CityShard(rubricVersion, period, s))];

    /// <summary>The key of the city shard that holds the branch.</summary>
    public static string CityShardOf(string rubricVersion, string period, string tenant, string nodeId, int shards) =>
        CityShard(rubricVersion, period, ShardRouting.ShardOf(tenant, nodeId, shards));

    /// <summary>The key of the tenant's one shard.</summary>
    public static string TenantShard(string rubricVersion, string period, string tenant) =>
        Identifiers.IsSlug(tenant)
            ? Join(rubricVersion, period, TenantScopePrefix + tenant, 0)
            : throw new ArgumentException($"'{tenant}' is not a valid tenant id", nameof(tenant));

    /// <summary>The rubric version and period of a shard key.</summary>
    public static (string RubricVersion, string Period) Parse(string shardKey)
    {
        var parts = shardKey.Split('/');
        return parts.Length == 4 && IsRubricVersion(parts[0]) && IsPeriod(parts[1])
            ? (parts[0], parts[1])
            : throw new ArgumentException($"'{shardKey}' is not a ranking shard key", nameof(shardKey));
    }

    /// <summary>A rubric version: 1–64 characters of A–Z, a–z, 0–9, '.', '_', '@' and '-' (never '/').</summary>
    public static bool IsRubricVersion(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-');

    /// <summary>An indicator id: 1–64 characters of A–Z, a–z, 0–9, '.', '_', ':' and '-'.</summary>
    public static bool IsIndicatorId(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');

    /// <summary>A period in canonical form ("2026", "2026-Q1", "2026-03").</summary>
    public static bool IsPeriod(string? value) => Period.TryParse(value, out _);

    private static string Join(string rubricVersion, string period, string scope, int shard)
    {
        if (!IsRubricVersion(rubricVersion))
        {
            throw new ArgumentException($"'{rubricVersion}' is not a valid rubric version", nameof(rubricVersion));
        }

        if (!IsPeriod(period))
        {
            throw new ArgumentException($"'{period}' is not a period (YYYY, YYYY-Qn or YYYY-MM)", nameof(period));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        return string.Join('/', rubricVersion, period, scope, shard.ToString(CultureInfo.InvariantCulture));
    }
}
