namespace BranchLedger.Grains.Ledger;

/// <summary>
/// When a ledger's scores are pushed: on timers in the ledger's own turns, at most once per
/// <see cref="ScorePublisher.Window"/> (a burst of writes is one push), and its score inputs at most once
/// per <see cref="LedgerGrain.ScoreInputsInterval"/> (and on deactivation and any change of the node):
/// serialising and upserting them after every push was a sixth of the silo's CPU under write load. Until
/// they are saved the row is older than the journal, which a rebuild sees (StoredScoreInputs.Fresh) and
/// answers by asking the ledger instead. No acknowledged write's score is lost to a
/// deactivation or a crash before its push: a deactivation or a seal flushes what is pending first, and
/// <paramref name="afterPush"/> (the snapshot) runs only after a push, so every record in the journal's
/// tail beyond the snapshot may be unpushed, and an activation pushes their periods.
/// </summary>
internal sealed class ScoreSchedule(IGrainBase grain, ScorePublisher publisher, Func<ScoringSource?> source, Func<Task> afterPush)
{
    private IGrainTimer? _push;
    private IGrainTimer? _inputs;

    /// <summary>Pushes the periods of <paramref name="dates"/> after the rest of the window.</summary>
    public void Later(IEnumerable<DateOnly> dates)
    {
        publisher.Touched(dates);
        _push ??= grain.RegisterGrainTimer(NowAsync, publisher.Delay(), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Rescores every ranked period (a change of the node itself) after the rest of the window.</summary>
    public void EveryPeriodLater()
    {
        publisher.TouchedEveryPeriod();
        Later([]);
    }

    /// <summary>Before a deactivation or a seal's snapshot: what writes left pending is pushed now, and the inputs a rebuild reads are stored.</summary>
    public async Task FlushAsync()
    {
        if (publisher.Pending)
        {
            await NowAsync(CancellationToken.None);
        }

        await SaveInputsAsync(CancellationToken.None);
    }

    private async Task NowAsync(CancellationToken cancellationToken)
    {
        _push?.Dispose();
        _push = null;
        await publisher.PublishTouchedAsync(source());
        if (publisher.InputsDue is { } due)
        {
            _inputs ??= grain.RegisterGrainTimer(SaveInputsAsync, due, Timeout.InfiniteTimeSpan);
        }

        // Every record so far was pushed (or its push failed and was logged): a snapshot now cannot hide
        // an unpushed record from the next activation, which pushes only what lies beyond its snapshot.
        await afterPush();
    }

    private Task SaveInputsAsync(CancellationToken cancellationToken)
    {
        _inputs?.Dispose();
        _inputs = null;
        return publisher.SaveUnsavedInputsAsync(source());
    }
}
