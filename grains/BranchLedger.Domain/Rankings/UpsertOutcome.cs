namespace BranchLedger.Domain.Rankings;

/// <summary>What a push did to a ranking.</summary>
public enum UpsertOutcome
{
    /// <summary>Not set; never returned.</summary>
    Unspecified = 0,
    /// <summary>The branch was not ranked before.</summary>
    Added = 1,
    /// <summary>A newer score replaced the held one.</summary>
    Replaced = 2,
    /// <summary>Ignored: its version is not newer than the held score or withdrawal.</summary>
    Stale = 3,
}
