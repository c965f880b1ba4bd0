using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Obligations;

/// <summary>How much of a period a unit (an organisation or a branch) was in force for.</summary>
public enum PeriodCoverage
{
    /// <summary>Not set.</summary>
    Unspecified = 0,
    /// <summary>In force from the period's first day (or no start is known): the period is judged.</summary>
    Whole = 1,
    /// <summary>Came into force during the period: judged only when its records already meet the obligation.</summary>
    Partial = 2,
    /// <summary>Came into force after the period ended: nothing is judged.</summary>
    None = 3,
}

/// <summary>
/// When a unit came into force, and which periods of its obligations that leaves to judge: an obligation
/// applies from the later of its own start and the day the unit came into force.
/// </summary>
/// <remarks>
/// <para>A unit comes into force on the earliest <c>effective_from</c> of its rosters — the directory's
/// record of when the body existed with members. The node's creation time is not used: it is when
/// somebody typed the node in, and ledgers are routinely filled in afterwards (a branch entered in June
/// with its roster from 1 January holds obligations from 1 January). A node without any roster has no
/// known start, and only the rules' own dates apply.</para>
/// <para>A month, quarter or year is judged only when the unit was in force on its first day. One that
/// began before the unit came into force is not in force — nobody is held to a period they did not exist
/// for in full — unless the unit came into force during it and its records already meet the obligation:
/// work done then still counts as met, and is never held against anyone.</para>
/// </remarks>
public static class UnitInForce
{
    /// <summary>The day a unit with rosters starting on <paramref name="rosterStarts"/> came into force; null without a roster.</summary>
    public static DateOnly? From(IEnumerable<DateOnly> rosterStarts)
    {
        ArgumentNullException.ThrowIfNull(rosterStarts);
        DateOnly? earliest = null;
        foreach (var start in rosterStarts)
        {
            if (earliest is null || start < earliest)
            {
                earliest = start;
            }
        }

        return earliest;
    }

    /// <summary>How much of <paramref name="period"/> a unit in force from <paramref name="from"/> (null: no known start) covers.</summary>
    public static PeriodCoverage Coverage(Period period, DateOnly? from)
    {
        ArgumentNullException.ThrowIfNull(period);
        return from is not { } day || day <= period.Start ? PeriodCoverage.Whole
            : day <= period.End ? PeriodCoverage.Partial
            : PeriodCoverage.None;
    }
}
