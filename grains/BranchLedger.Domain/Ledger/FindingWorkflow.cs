namespace BranchLedger.Domain.Ledger;

/// <summary>
/// An inspection finding (巡察整改) is raised, receives progress notes, closes (销号) only with a
/// verifier's sign-off, and a re-check (回头看) can reopen it. Remediation on paper only is what users
/// complain about, so a closed finding takes no progress until it is reopened. For the same reason the
/// sign-off is independent: whoever raised the finding or recorded its remediation cannot close it.
/// </summary>
public static class FindingWorkflow
{
    /// <summary>What happens to a finding.</summary>
    public enum FindingAction
    {
        /// <summary>Raised from an inspection.</summary>
        Raise,
        /// <summary>A progress note.</summary>
        Progress,
        /// <summary>Closed with a verifier's sign-off.</summary>
        Close,
        /// <summary>Reopened by a re-check.</summary>
        Reopen,
    }

    /// <summary>One step of a finding as the ledger recorded it.</summary>
    public sealed record Step(string FindingId, FindingAction Action);

    /// <summary>Whether each finding is closed now, from its steps in ledger order.</summary>
    public static Dictionary<string, bool> Project(IEnumerable<Step> steps)
    {
        var closed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (Refusal(closed, step) is null)
            {
                closed[step.FindingId] = step.Action switch
                {
                    FindingAction.Close => true,
                    FindingAction.Reopen or FindingAction.Raise => false,
                    _ => closed[step.FindingId],
                };
            }
        }

        return closed;
    }

    /// <summary>
    /// Why <paramref name="actor"/> cannot take the step now, or null when they can: the workflow's
    /// refusal, else for a closure, the four-eyes rule against <paramref name="involved"/> (who raised
    /// the finding or recorded its progress, as <see cref="Involve"/> collects them).
    /// </summary>
    public static string? Refusal(IReadOnlyDictionary<string, bool> findings, Step step, string actor, IReadOnlyCollection<string> involved) =>
        Refusal(findings, step)
        ?? (step.Action == FindingAction.Close && involved.Contains(actor, StringComparer.Ordinal)
            ? $"销号须由另一人核查——提出该问题或记录其整改进展的人（{actor}）不能为其销号 (the verifier must differ from whoever raised the finding or recorded its remediation)"
            : null);

    /// <summary>
    /// Adds the actor of an accepted step to the people involved in the finding: the one who raised
    /// it, and everyone who recorded progress. Closing and reopening are checks, not remediation.
    /// </summary>
    public static void Involve(Dictionary<string, HashSet<string>> involved, Step step, string actor)
    {
        if (step.Action == FindingAction.Raise)
        {
            involved[step.FindingId] = new HashSet<string>(StringComparer.Ordinal) { actor };
        }
        else if (step.Action == FindingAction.Progress && involved.TryGetValue(step.FindingId, out var people))
        {
            people.Add(actor);
        }
    }

    /// <summary>Why a step cannot be taken now, or null when it can.</summary>
    public static string? Refusal(IReadOnlyDictionary<string, bool> findings, Step step)
    {
        var known = findings.TryGetValue(step.FindingId, out var isClosed);
        return step.Action switch
        {
            FindingAction.Raise => known ? "a finding with that id is already raised" : null,
            _ when !known => "no finding with that id",
            FindingAction.Progress when isClosed => "the finding is closed; reopen it (回头看) before adding progress",
            FindingAction.Close when isClosed => "the finding is already closed",
            FindingAction.Reopen when !isClosed => "the finding is open",
            _ => null,
        };
    }
}
