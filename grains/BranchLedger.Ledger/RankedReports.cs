using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;

namespace BranchLedger.Ledger;

/// <summary>
/// The compliance reports of the periods the rankings keep, each year judged once and its quarters'
/// and months' reports drawn from it (<see cref="ComplianceReport.Narrowed"/>): the same reports as
/// judging each period alone (ScoreInputsTests), at a third of the work. A ledger's score push and a
/// rebuild from stored inputs both score through here, so the two can never disagree.
/// </summary>
public static class RankedReports
{
    /// <summary>
    /// The report of every period of <paramref name="periods"/> the node was in force in, in the order
    /// given, from <paramref name="dated"/> (the facts of the book holding those periods' years).
    /// </summary>
    public static IEnumerable<(Period Period, ComplianceReport Report)> Of(
        LedgerNode node, IReadOnlyList<ObligationRule> rules, DatedFacts dated, IEnumerable<Period> periods, DateOnly today)
    {
        var inForceFrom = ComplianceFacts.InForceFrom(node);
        var years = new Dictionary<int, ComplianceReport>();
        foreach (var period in periods)
        {
            if (UnitInForce.Coverage(period, inForceFrom) == PeriodCoverage.None)
            {
                continue;
            }

            if (!years.TryGetValue(period.CalendarYear, out var year))
            {
                year = ComplianceFacts.YearJudged(node, dated, period.CalendarYear, today, rules);
                years.Add(period.CalendarYear, year);
            }

            yield return (period, ComplianceFacts.Narrowed(node, year, period, rules));
        }
    }
}
