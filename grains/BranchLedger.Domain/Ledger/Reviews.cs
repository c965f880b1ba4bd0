namespace BranchLedger.Domain.Ledger;

/// <summary>The party office's verdict on a record it reviewed.</summary>
public enum ReviewVerdict
{
    /// <summary>已阅: seen, nothing to answer.</summary>
    Read = 1,

    /// <summary>退回: sent back with a reason, for the branch to answer by correcting the record.</summary>
    Returned = 2,
}

/// <summary>Where a record stands in the party office's review. Derived from the ledger, never stored.</summary>
public enum ReviewState
{
    /// <summary>Not reviewed yet: waiting for the party office.</summary>
    Waiting = 1,

    /// <summary>Marked read by the latest review.</summary>
    Read = 2,

    /// <summary>Returned by the latest review and not corrected since.</summary>
    Returned = 3,

    /// <summary>Returned, then corrected (voided or amended) by the branch: the office may review it again.</summary>
    Answered = 4,
}

/// <summary>Which records a review queue lists.</summary>
public enum ReviewQueueFilter
{
    /// <summary>Every record, whatever its review state.</summary>
    All = 0,

    /// <summary>Records not reviewed yet.</summary>
    Waiting = 1,

    /// <summary>Records returned and not yet answered.</summary>
    ReturnedUnanswered = 2,

    /// <summary>Records returned and answered by a correction, waiting for the office to look again.</summary>
    Answered = 3,
}

/// <summary>
/// A review is an entry of the ledger that targets an earlier record, like a correction, but it never
/// changes what the record says: these rules decide what may be reviewed and derive a record's review
/// state from its reviews and corrections, so the state can never disagree with the entries.
/// </summary>
public static class Reviews
{
    /// <summary>The longest reason a review may carry (a return needs one).</summary>
    public const int MaxReasonLength = 500;

    /// <summary>What the entry a review names is.</summary>
    public enum TargetKind
    {
        /// <summary>A record of its own (meeting, talk, duty step, …).</summary>
        Record,

        /// <summary>A correction (void or amendment) of another record.</summary>
        Correction,

        /// <summary>Another review.</summary>
        Review,
    }

    /// <summary>
    /// One entry that bears on a record's review state: a review (with its verdict) or a correction of
    /// the record (no verdict).
    /// </summary>
    /// <param name="Sequence">Its position in the ledger; steps count in ledger order.</param>
    /// <param name="Verdict">The review's verdict; null for a correction.</param>
    /// <param name="Reason">The review's reason (empty when none).</param>
    /// <param name="By">Who recorded it.</param>
    /// <param name="At">When the ledger accepted it.</param>
    public sealed record Step(long Sequence, ReviewVerdict? Verdict, string Reason, string By, DateTimeOffset At)
    {
        /// <summary>A correction of the record (void or amendment).</summary>
        public static Step Correction(long sequence, string by, DateTimeOffset at) => new(sequence, null, "", by, at);

        /// <summary>A review of the record.</summary>
        public static Step Review(long sequence, ReviewVerdict verdict, string reason, string by, DateTimeOffset at) => new(sequence, verdict, reason, by, at);
    }

    /// <summary>A record's review state with the review that decided it.</summary>
    /// <param name="State">Waiting, read, returned or answered.</param>
    /// <param name="ReviewSequence">The latest review; null while waiting.</param>
    /// <param name="Reason">The latest review's reason.</param>
    /// <param name="ReviewedBy">Who recorded the latest review.</param>
    /// <param name="ReviewedAt">When.</param>
    /// <param name="AnsweredBy">For an answered return, the first correction recorded after it.</param>
    public sealed record Standing(ReviewState State, long? ReviewSequence, string Reason, string ReviewedBy, DateTimeOffset? ReviewedAt, long? AnsweredBy)
    {
        /// <summary>Not reviewed yet.</summary>
        public static readonly Standing Waiting = new(ReviewState.Waiting, null, "", "", null, null);
    }

    /// <summary>
    /// Why a review of an entry cannot be recorded, or null when it can. Only records can be reviewed:
    /// a correction is reviewed through the record it corrects, a review is not reviewed again (a later
    /// review of the record supersedes it), and a void record has nothing left to review.
    /// </summary>
    /// <param name="target">What the named entry is; null when the ledger holds no such entry.</param>
    /// <param name="voided">Whether the named record is void.</param>
    public static string? Refusal(TargetKind? target, bool voided) => target switch
    {
        null => "no record with that id",
        TargetKind.Correction => "a correction cannot be reviewed; review the record it corrects",
        TargetKind.Review => "a review cannot itself be reviewed; review the record again instead",
        _ when voided => "the record is void: there is nothing left to review",
        _ => null,
    };

    /// <summary>
    /// The review state of one record from the reviews and corrections that target it (any order):
    /// the latest review decides; a return followed by a correction is answered; a later review
    /// supersedes everything before it.
    /// </summary>
    public static Standing Of(IEnumerable<Step> steps)
    {
        var standing = Standing.Waiting;
        foreach (var step in steps.OrderBy(s => s.Sequence))
        {
            if (step.Verdict is { } verdict)
            {
                var state = verdict == ReviewVerdict.Returned ? ReviewState.Returned : ReviewState.Read;
                standing = new Standing(state, step.Sequence, step.Reason, step.By, step.At, null);
            }
            else if (standing.State == ReviewState.Returned)
            {
                standing = standing with { State = ReviewState.Answered, AnsweredBy = step.Sequence };
            }
        }

        return standing;
    }

    /// <summary>Whether a record in <paramref name="state"/> belongs in a queue filtered by <paramref name="filter"/>.</summary>
    public static bool Matches(ReviewQueueFilter filter, ReviewState state) => filter switch
    {
        ReviewQueueFilter.Waiting => state == ReviewState.Waiting,
        ReviewQueueFilter.ReturnedUnanswered => state == ReviewState.Returned,
        ReviewQueueFilter.Answered => state == ReviewState.Answered,
        _ => true,
    };
}
