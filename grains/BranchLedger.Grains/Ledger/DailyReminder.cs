using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Ledger;

/// <summary>A grain's once-a-day reminder, a few minutes after each midnight of its tenant's calendar.</summary>
internal static class DailyReminder
{
    // Period ends fall on midnights of the tenant's calendar; five minutes later every period that
    // ended has closed, whatever the silo's own clock zone.
    internal static readonly TimeSpan AfterMidnight = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Registers the reminder <paramref name="name"/> to fire <paramref name="untilMidnight"/>() plus
    /// <see cref="AfterMidnight"/> from now and daily after; with <paramref name="reschedule"/> also when
    /// it exists (the tenant's midnight moved). A grain that cannot register now still serves and tries
    /// again on its next activation, so a failure is logged, not thrown.
    /// </summary>
    public static async Task EnsureAsync(
        IGrainBase grain, string name, Func<TimeSpan> untilMidnight, bool reschedule, ILogger logger, string grainKey, CancellationToken cancellationToken)
    {
        try
        {
            if (reschedule || await grain.GetReminder(name, cancellationToken) is null)
            {
                await grain.RegisterOrUpdateReminder(name, untilMidnight() + AfterMidnight, TimeSpan.FromDays(1), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not register the reminder {Reminder} of {Grain}", name, grainKey);
        }
    }
}
