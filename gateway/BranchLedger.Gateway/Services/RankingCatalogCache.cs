using BranchLedger.Contracts.Rankings;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// The serving layout, asked of the catalog grain at most once per <see cref="Freshness"/> per gateway,
/// so reads do not all queue on one grain. Once known, a read never waits for the catalog: an expired
/// layout is still answered while one refresh runs in the background (a flip of the serving rubric
/// version reaches every gateway about <see cref="Freshness"/> later). That keeps ranking reads served
/// from the replicas while the catalog grain's silo is lost and the grain reactivates elsewhere (the
/// layout of a version never changes; only which version serves, and that only after a rescoring).
/// </summary>
internal sealed class RankingCatalogCache(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    // One reference, swapped whole: concurrent calls never see a layout with another one's time.
    private volatile Cached? _cached;
    private Task _refreshing = Task.CompletedTask;
    private readonly Lock _lock = new();

    /// <summary>The serving layout; null while nothing was ever pushed (not cached, so the first push shows at once).</summary>
    public async Task<RankingLayout?> ServingAsync()
    {
        if (_cached is { } cached)
        {
            if (clock.GetUtcNow() - cached.At >= Freshness)
            {
                RefreshInBackground();
            }

            return cached.Layout;
        }

        return await FetchAsync();
    }

    private async Task<RankingLayout?> FetchAsync()
    {
        var now = clock.GetUtcNow();
        var layout = await grains.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog).GetServingLayout();
        _cached = layout is null ? null : new Cached(layout, now);
        return layout;
    }

    // One refresh at a time; a failed one leaves the known layout in place for the next read to retry.
    private void RefreshInBackground()
    {
        lock (_lock)
        {
            if (!_refreshing.IsCompleted)
            {
                return;
            }

            _refreshing = Task.Run(async () =>
            {
                try
                {
                    await FetchAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The catalog is unreachable (e.g. its silo was lost): keep serving the known layout.
                }
            });
        }
    }

    private sealed record Cached(RankingLayout Layout, DateTimeOffset At);
}
