using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Warnings;

/// <summary>What a warning is about.</summary>
public enum WarningKind
{
    /// <summary>Not set; never in a list of warnings.</summary>
    Unspecified = 0,
    /// <summary>An obligation's period closed without it being met.</summary>
    MissedObligation = 1,
    /// <summary>An inspection finding past its deadline and not closed.</summary>
    OverdueFinding = 2,
    /// <summary>A duty-list item past its due day and not done.</summary>
    OverdueDutyItem = 3,
    /// <summary>A meeting held without a quorum: it took place but does not count.</summary>
    QuorumFailure = 4,
}

/// <summary>
/// One warning, derived from records and today's date whenever asked — never stored, so it disappears
/// by itself once the cause is fixed and cannot go stale.
/// </summary>
/// <param name="Kind">What it is about.</param>
/// <param name="SubjectId">The rule id (missed obligation, quorum failure), finding id or duty item id.</param>
/// <param name="Period">The obligation's period (missed obligation, quorum failure); null otherwise.</param>
/// <param name="DueDate">The deadline or due day passed (finding, duty item); for a missed obligation the period's last day.</param>
/// <param name="DaysOverdue">Days since <paramref name="DueDate"/>; 0 for a quorum failure.</param>
/// <param name="Message">A sentence in Chinese for the people who must act.</param>
/// <param name="Sequence">The ledger record concerned (quorum failure); null otherwise.</param>
public sealed record Warning(
    WarningKind Kind, string SubjectId, Period? Period, DateOnly? DueDate, int DaysOverdue, string Message, long? Sequence = null);
