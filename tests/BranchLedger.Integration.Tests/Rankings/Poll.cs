namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>
/// Waits for eventually visible state (pushes are debounced, snapshots lazy). Returns the last value
/// read when time runs out, so the test's own assertion shows what was there. Never asserts on speed.
/// </summary>
internal static class Poll
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Generous);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
