using BranchLedger.Contracts.Rankings;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace BranchLedger.Grains.Rankings;

/// <summary>
/// The push entry point (see <see cref="IRankingIngressGrain"/>). One reentrant worker per silo:
/// queuing is a dictionary write, so pushes never wait for a flush in progress; a timer sends each
/// shard's queue every <see cref="Debounce"/> while anything is queued.
/// </summary>
[StatelessWorker(1), Reentrant]
public sealed class RankingIngressGrain(ILogger<RankingIngressGrain> logger) : Grain, IRankingIngressGrain
{
    /// <summary>The longest a push waits before its shard gets it.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    // An idle worker sends the first push almost at once (measured: waiting the whole interval made
    // the interval 80 % of the freshness budget); while busy it sends every Debounce, so a shard still
    // gets at most ten batches a second from each silo.
    public static readonly TimeSpan FirstSend = TimeSpan.FromMilliseconds(5);

    // Batches stay well under Orleans' message size limit (a score is a few hundred bytes).
    private const int MaxBatch = 1_000;

    // A shard that keeps failing (~10 s) loses its queue: rankings are derived and a rebuild restores them.
    private const int MaxAttempts = 100;

    private readonly Dictionary<string, RankingLayout> _layouts = new(StringComparer.Ordinal);
    private Dictionary<string, ShardQueue> _pending = new(StringComparer.Ordinal);
    private Task _sending = Task.CompletedTask;
    private IGrainTimer? _timer;

    /// <inheritdoc />
    public async Task Publish(BranchScore score)
    {
        RankingChecks.ThrowIfInvalid(score);
        var layout = await LayoutOf(score.RubricVersion);
        Queue(RankingKeys.CityShardOf(layout.RubricVersion, score.Period, score.Tenant, score.NodeId, layout.CityShards)).Put(score);
        Queue(layout.TenantShardKey(score.Period, score.Tenant)).Put(score);
    }

    /// <inheritdoc />
    public async Task PublishMany(IReadOnlyList<BranchScore> scores)
    {
        foreach (var score in scores)
        {
            RankingChecks.ThrowIfInvalid(score);
        }

        foreach (var version in scores.Select(s => s.RubricVersion).Distinct(StringComparer.Ordinal))
        {
            await LayoutOf(version);
        }

        foreach (var score in scores)
        {
            var layout = _layouts[score.RubricVersion];
            Queue(RankingKeys.CityShardOf(layout.RubricVersion, score.Period, score.Tenant, score.NodeId, layout.CityShards)).Put(score);
            Queue(layout.TenantShardKey(score.Period, score.Tenant)).Put(score);
        }
    }

    /// <inheritdoc />
    public async Task Withdraw(BranchRemoval removal)
    {
        RankingChecks.ThrowIfInvalid(removal);
        var layout = await LayoutOf(removal.RubricVersion);
        Queue(RankingKeys.CityShardOf(layout.RubricVersion, removal.Period, removal.Tenant, removal.NodeId, layout.CityShards)).Put(removal);
        Queue(layout.TenantShardKey(removal.Period, removal.Tenant)).Put(removal);
    }

    /// <inheritdoc />
    public Task Flush() => SendAsync();

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SendAsync();

    // Layouts never change once registered, so each version is asked for once per activation.
    private async Task<RankingLayout> LayoutOf(string rubricVersion)
    {
        if (!_layouts.TryGetValue(rubricVersion, out var layout))
        {
            layout = await GrainFactory.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog).Register(rubricVersion);
            _layouts[rubricVersion] = layout;
        }

        return layout;
    }

    private ShardQueue Queue(string shardKey)
    {
        if (!_pending.TryGetValue(shardKey, out var queue))
        {
            queue = new ShardQueue();
            _pending[shardKey] = queue;
        }

        // The timer runs only while something is queued, so an idle worker can be collected.
        _timer ??= this.RegisterGrainTimer(_ => SendAsync(), new GrainTimerCreationOptions(FirstSend, Debounce) { Interleave = true, KeepAlive = true });
        return queue;
    }

    // Sends what is queued now; completes when this and every earlier send has finished.
    private Task SendAsync()
    {
        var pending = _pending;
        _pending = new Dictionary<string, ShardQueue>(StringComparer.Ordinal);
        if (pending.Count == 0 && _sending.IsCompleted)
        {
            _timer?.Dispose();
            _timer = null;
            return Task.CompletedTask;
        }

        var sends = pending.Select(p => DeliverAsync(p.Key, p.Value)).ToList();
        if (!_sending.IsCompleted)
        {
            sends.Add(_sending);
        }

        _sending = Task.WhenAll(sends);
        return _sending;
    }

    private async Task DeliverAsync(string shardKey, ShardQueue queue)
    {
        var shard = GrainFactory.GetGrain<IRankingShardGrain>(shardKey);
        var failed = new ShardQueue { Attempts = queue.Attempts + 1 };
        foreach (var batch in queue.Batches(MaxBatch))
        {
            try
            {
                await shard.Apply(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Ranking shard {Shard} did not take a batch of {Count} (attempt {Attempt})",
                    shardKey, batch.Scores.Count + batch.Removals.Count, failed.Attempts);
                foreach (var score in batch.Scores)
                {
                    failed.Put(score);
                }

                foreach (var removal in batch.Removals)
                {
                    failed.Put(removal);
                }
            }
        }

        if (failed.IsEmpty)
        {
            return;
        }

        if (failed.Attempts >= MaxAttempts)
        {
            logger.LogError("Dropping the queued ranking pushes of shard {Shard} after {Attempts} attempts; a rebuild restores them", shardKey, failed.Attempts);
            return;
        }

        // Back in the queue, behind anything newer queued meanwhile (versions decide), for the next tick.
        failed.PutAll(Queue(shardKey));
        _pending[shardKey] = failed;
    }
}
