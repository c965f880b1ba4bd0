namespace BranchLedger.Domain.Warnings;

/// <summary>How an inspection finding is to be remedied; decides whether it can ever be overdue.</summary>
public enum RemediationType
{
    /// <summary>Not set; never valid in a record.</summary>
    Unspecified = 0,
    /// <summary>立行立改 — fix now; overdue once its deadline has passed.</summary>
    FixNow = 1,
    /// <summary>限期整改 — fix by a deadline; overdue once the deadline has passed.</summary>
    ByDeadline = 2,
    /// <summary>长期坚持 — an ongoing commitment; never overdue, since it has no end.</summary>
    Ongoing = 3,
}
