using System.Collections.Concurrent;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// At most one background refresh per key. The gateway's caches (tenant names, grants) answer a known
/// value at once when it is due and refresh it here, so a read never waits for a grain that, after its
/// silo was lost, answers only once it has reactivated elsewhere. A failed refresh is dropped: the
/// known value stays, and the next read past due tries again.
/// </summary>
internal sealed class BackgroundRefresh
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    /// <summary>Starts <paramref name="refresh"/> for <paramref name="key"/> unless one is already running.</summary>
    public void Start(string key, Func<Task> refresh)
    {
        var task = new Task<Task>(async () =>
        {
            try
            {
                await refresh();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unreachable for now: see the class comment.
            }
            finally
            {
                _running.TryRemove(key, out _);
            }
        });
        if (_running.TryAdd(key, task))
        {
            task.Start(TaskScheduler.Default);
        }
    }
}
