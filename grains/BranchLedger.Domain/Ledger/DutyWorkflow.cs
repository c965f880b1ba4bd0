using BranchLedger.Domain.Warnings;

namespace BranchLedger.Domain.Ledger;

/// <summary>
/// A duty item (责任清单) moves forward only: planned → in progress → done → verified. Skipping
/// "in progress" is allowed (small duties are done at once); verifying needs the item done first,
/// so a duty cannot be signed off before anyone said it was finished.
/// </summary>
public static class DutyWorkflow
{
    /// <summary>One step of a duty item as the ledger recorded it: listed (null status) or moved to a status.</summary>
    public sealed record Step(string DutyId, DutyStatus? To);

    /// <summary>The current status of every duty item, from its steps in ledger order.</summary>
    public static Dictionary<string, DutyStatus> Project(IEnumerable<Step> steps)
    {
        var duties = new Dictionary<string, DutyStatus>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (Refusal(duties, step) is null)
            {
                duties[step.DutyId] = step.To ?? DutyStatus.Planned;
            }
        }

        return duties;
    }

    /// <summary>Why a step cannot be taken now, or null when it can.</summary>
    public static string? Refusal(IReadOnlyDictionary<string, DutyStatus> duties, Step step)
    {
        var known = duties.TryGetValue(step.DutyId, out var current);
        return step.To switch
        {
            null => known ? "a duty item with that id is already listed" : null,
            _ when !known => "no duty item with that id",
            DutyStatus.Planned => "a listed duty item cannot go back to planned",
            DutyStatus.Verified when current != DutyStatus.Done => "only a done duty item can be verified",
            { } to when to <= current => $"the duty item is already {current}",
            _ => null,
        };
    }
}
