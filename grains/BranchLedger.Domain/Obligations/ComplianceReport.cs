using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Obligations;

/// <summary>Where one obligation stands in one period.</summary>
public enum ObligationStatus
{
    /// <summary>Not set; never in a report.</summary>
    Unspecified = 0,
    /// <summary>Enough qualifying records (or every pair covered).</summary>
    Met = 1,
    /// <summary>The period has closed without enough qualifying records.</summary>
    Missed = 2,
    /// <summary>Not met yet, but the period has not closed: there is still time.</summary>
    Due = 3,
    /// <summary>
    /// No version of the rule is in force on the period's last day, or the unit itself was not in force
    /// for the period (<see cref="UnitInForce"/>).
    /// </summary>
    NotInForce = 4,
}

/// <summary>A meeting that took place but does not count because too few were present.</summary>
/// <param name="Sequence">The record's sequence number.</param>
/// <param name="Date">The meeting day.</param>
/// <param name="Quorum">The rule it failed.</param>
/// <param name="BasisCount">The roster number (or expected attendees) on that day; null when unknown — no roster in force, or zero.</param>
/// <param name="RequiredPresent">The fewest present that would have counted; null when the basis is unknown.</param>
/// <param name="Present">The people present.</param>
public sealed record QuorumFailure(long Sequence, DateOnly Date, QuorumRule Quorum, int? BasisCount, int? RequiredPresent, int Present);

/// <summary>
/// One rule in one period of its frequency. <see cref="Counted"/> is capped at <see cref="Required"/>:
/// branches are compared on obligations met, and meetings beyond the requirement earn nothing;
/// <see cref="Raw"/> keeps the true number for the ledger.
/// </summary>
/// <param name="Period">The month, quarter or year of the rule's frequency.</param>
/// <param name="Rule">The rule version that judged the period; null when <see cref="Status"/> is NotInForce.</param>
/// <param name="Status">Met, Missed, Due or NotInForce.</param>
/// <param name="Required">Records needed (for talk pairs: pairs that must be covered).</param>
/// <param name="Counted">min(Raw, Required): what counts for scoring.</param>
/// <param name="Raw">Qualifying records (for talk pairs: required pairs covered).</param>
/// <param name="Sequences">The qualifying records (all of them, not just the first Required), by date.</param>
/// <param name="QuorumFailures">Records of the subject that failed the quorum and so did not count.</param>
/// <param name="MissingPairs">For talk pairs: the required pairs not yet covered; otherwise empty.</param>
public sealed record ObligationRow(
    Period Period,
    ObligationRule? Rule,
    ObligationStatus Status,
    int Required,
    int Counted,
    int Raw,
    IReadOnlyList<long> Sequences,
    IReadOnlyList<QuorumFailure> QuorumFailures,
    IReadOnlyList<TalkPair> MissingPairs);

/// <summary>
/// Totals over periods. <see cref="Rate"/> is met / (met + missed): periods still open and unmet are
/// not held against anyone yet, so branches can be compared mid-year.
/// </summary>
/// <param name="InForce">Periods in which a version of the rule was in force (the periods required).</param>
/// <param name="Met">Periods met.</param>
/// <param name="Missed">Periods closed and not met.</param>
/// <param name="Due">Periods open and not yet met.</param>
public sealed record ObligationSummary(int InForce, int Met, int Missed, int Due)
{
    /// <summary>Periods already decided: met or missed.</summary>
    public int Decided => Met + Missed;

    /// <summary>Met / decided, or null before anything is decided.</summary>
    public double? Rate => Decided == 0 ? null : (double)Met / Decided;

    /// <summary>The sum of two summaries.</summary>
    public ObligationSummary Add(ObligationSummary other) =>
        new(InForce + other.InForce, Met + other.Met, Missed + other.Missed, Due + other.Due);

    /// <summary>The totals over <paramref name="rows"/>.</summary>
    public static ObligationSummary Of(IReadOnlyCollection<ObligationRow> rows) => new(
        rows.Count(r => r.Status != ObligationStatus.NotInForce),
        rows.Count(r => r.Status == ObligationStatus.Met),
        rows.Count(r => r.Status == ObligationStatus.Missed),
        rows.Count(r => r.Status == ObligationStatus.Due));
}

/// <summary>One rule (all its versions) over the report's period.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Name">The rule's display name.</param>
/// <param name="Rows">One row per period of the rule's frequency, in date order.</param>
/// <param name="Summary">Totals over the rows.</param>
public sealed record ObligationResult(string RuleId, string Name, IReadOnlyList<ObligationRow> Rows, ObligationSummary Summary);

/// <summary>Compliance of one unit over one period, as of one day.</summary>
/// <param name="Period">The period asked about.</param>
/// <param name="Today">The calendar day the report was computed for; it decides Due versus Missed.</param>
/// <param name="Results">One result per rule id, in the order the rules were given.</param>
public sealed record ComplianceReport(Period Period, DateOnly Today, IReadOnlyList<ObligationResult> Results)
{
    /// <summary>Totals over every rule's periods (a monthly rule weighs 12 times a yearly one).</summary>
    public ObligationSummary Totals => Results.Aggregate(new ObligationSummary(0, 0, 0, 0), (sum, r) => sum.Add(r.Summary));

    /// <summary>
    /// The report of <paramref name="period"/>, a month or quarter of this report's year (or the year
    /// itself), drawn from this report's rows instead of judging them again: every row of a rule's
    /// frequency that overlaps the period — its months or quarters, or the quarter or year containing
    /// it — which is exactly the rows <see cref="Compliance.Evaluate(IEnumerable{ObligationRule}, DatedFacts, IEnumerable{RosterFact}, IEnumerable{TalkRosterFact}, Period, DateOnly, DateOnly?)"/>
    /// judges for it, since a row's verdict depends on its own period only. A rebuild scores a year's 17
    /// periods from one evaluation of the year this way.
    /// </summary>
    /// <exception cref="ArgumentException">when this report is not of a whole year, or the period is not within it.</exception>
    public ComplianceReport Narrowed(Period period)
    {
        if (Period.Kind != PeriodKind.Year || period.CalendarYear != Period.CalendarYear)
        {
            throw new ArgumentException($"{period} is not a period of the year report {Period}", nameof(period));
        }

        var results = new List<ObligationResult>(Results.Count);
        foreach (var result in Results)
        {
            var rows = result.Rows.Where(r => r.Period.Start <= period.End && period.Start <= r.Period.End).ToList();
            results.Add(result with { Rows = rows, Summary = ObligationSummary.Of(rows) });
        }

        return this with { Period = period, Results = results };
    }
}
