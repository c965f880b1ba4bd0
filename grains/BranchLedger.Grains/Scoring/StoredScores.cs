using System.Text.Json;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using BranchLedger.Grains.Ledger;
using BranchLedger.Ledger;

namespace BranchLedger.Grains.Scoring;

/// <summary>The scores a rebuild pushes for one branch from its stored inputs, as its ledger would push them.</summary>
internal static class StoredScores
{
    /// <summary>
    /// The branch's scores for every period the rankings keep (this year's and last year's, up to the
    /// tenant's today), pushed with the version of the inputs — older than any score the ledger pushed
    /// after saving them, so a rebuild never overwrites a newer push. Null when the ledger must score
    /// itself: inputs of another format or unreadable, behind the journal, of a node the ledger knew as
    /// closed, or missing a ranked year sealed away.
    /// </summary>
    public static IReadOnlyList<BranchScore>? Of(StoredScoreInputs row, Rubric rubric, string versionKey, DateTimeOffset now)
    {
        if (row.Format != ScoreInputs.Format || !row.Fresh)
        {
            return null;
        }

        ScoreInputs inputs;
        try
        {
            inputs = ScoreInputs.FromBytes(row.Inputs);
        }
        catch (JsonException)
        {
            return null;
        }

        if (inputs.Node.IsClosed)
        {
            return null;
        }

        var today = TenantCalendar.Today(now, inputs.Node.TimeZone);
        var periods = ScorePublisher.RankedPeriods(today).ToList();
        if (!periods.All(inputs.Covers))
        {
            return null;
        }

        var tenant = Contracts.GrainKeys.TenantOf(row.Ledger);
        return [.. inputs.ScoreRanked(rubric, periods, today).Select(sheet => ScoreViews.ToBranchScore(sheet, versionKey, tenant, inputs.Node, row.Version, now))];
    }
}
