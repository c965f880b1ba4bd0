namespace BranchLedger.Domain.Rankings;

/// <summary>What a batch of pushes did to a ranking.</summary>
public readonly record struct UpsertTally(int Added, int Replaced, int Stale)
{
    /// <summary>True when the ranking changed.</summary>
    public bool Changed => Added + Replaced > 0;

    /// <summary>This tally with one more outcome counted.</summary>
    public UpsertTally Count(UpsertOutcome outcome) => outcome switch
    {
        UpsertOutcome.Added => this with { Added = Added + 1 },
        UpsertOutcome.Replaced => this with { Replaced = Replaced + 1 },
        _ => this with { Stale = Stale + 1 },
    };
}
