using BranchLedger.Contracts.Rankings;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// The serving layout, asked of the catalog grain at most once per <see cref="Freshness"/> per gateway,
/// so reads do not all queue on one grain. A flip of the serving rubric version reaches every
/// gateway within that time.
/// </summary>
internal sealed class RankingCatalogCache(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    // One reference, swapped whole: concurrent calls never see a layout with another one's time.
    private volatile Cached? _cached;

    /// <summary>The serving layout; null while nothing was ever pushed (not cached, so the first push shows at once).</summary>
    public async Task<RankingLayout?> ServingAsync()
    {
        var now = clock.GetUtcNow();
        if (_cached is { } cached && now - cached.At < Freshness)
        {
            return cached.Layout;
        }

        var layout = await grains.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog).GetServingLayout();
        _cached = layout is null ? null : new Cached(layout, now);
        return layout;
    }

    private sealed record Cached(RankingLayout Layout, DateTimeOffset At);
}
