namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// How a branch (or anything else) feeds the rankings. Rebuilding a ranking whose rows were lost is
/// <see cref="ResetAsync"/> followed by every ledger publishing its current scores again.
/// </summary>
public static class RankingPush
{
    /// <summary>Queues a branch's new score; it reaches its shards within about 100 ms.</summary>
    /// <exception cref="ArgumentException">when the score is malformed (nothing is queued).</exception>
    public static Task PublishAsync(IGrainFactory grains, BranchScore score)
    {
        RankingChecks.ThrowIfInvalid(score);
        return Ingress(grains).Publish(score);
    }

    /// <summary>Queues many scores in one call.</summary>
    /// <exception cref="ArgumentException">when any score is malformed (nothing is queued).</exception>
    public static Task PublishManyAsync(IGrainFactory grains, IReadOnlyList<BranchScore> scores)
    {
        foreach (var score in scores)
        {
            RankingChecks.ThrowIfInvalid(score);
        }

        return Ingress(grains).PublishMany(scores);
    }

    /// <summary>Withdraws a branch from one period's rankings (a closed node), for good unless <see cref="BranchRemoval.Version"/> says otherwise.</summary>
    public static Task WithdrawAsync(IGrainFactory grains, BranchRemoval removal)
    {
        RankingChecks.ThrowIfInvalid(removal);
        return Ingress(grains).Withdraw(removal);
    }

    /// <summary>Sends what this silo's ingress holds now and waits for the shards.</summary>
    public static Task FlushAsync(IGrainFactory grains) => Ingress(grains).Flush();

    /// <summary>
    /// Clears one period of a rubric version — every city shard and the given tenants' shards — in
    /// memory and storage. Pushes that arrive afterwards fill it again from scratch (tombstones are
    /// cleared too, so closed branches must not be republished).
    /// </summary>
    public static async Task ResetAsync(IGrainFactory grains, string rubricVersion, string period, IEnumerable<string> tenants)
    {
        var layout = await grains.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog).GetLayout(rubricVersion);
        if (layout is null)
        {
            return; // never registered: nothing was pushed, nothing to clear
        }

        var keys = layout.CityShardKeys(period).Concat(tenants.Distinct(StringComparer.Ordinal).Select(t => layout.TenantShardKey(period, t)));
        await Task.WhenAll(keys.Select(key => grains.GetGrain<IRankingShardGrain>(key).Reset()));
    }

    private static IRankingIngressGrain Ingress(IGrainFactory grains) => grains.GetGrain<IRankingIngressGrain>(0);
}
