namespace BranchLedger.Contracts.Scoring;

/// <summary>Where a rescoring stands.</summary>
public enum RescoringState
{
    /// <summary>Not set.</summary>
    Unspecified = 0,
    /// <summary>Ledgers are being rescored; reads still serve the previous version.</summary>
    Running = 1,
    /// <summary>Every ledger was rescored and the version serves reads.</summary>
    Completed = 2,
}

/// <summary>Progress of rescoring every branch with one rubric version.</summary>
/// <param name="VersionKey">The rubric version, <c>{rubric}@{version}</c>.</param>
/// <param name="State">Running or completed.</param>
/// <param name="Total">Ledgers to rescore (known once the directories are listed; 0 before).</param>
/// <param name="Done">Ledgers rescored.</param>
/// <param name="Failed">Ledgers that could not be rescored (they catch up on their next write or daily reminder).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it completed.</param>
[GenerateSerializer, Immutable, Alias("branchledger.RescoringStatus")]
public sealed record RescoringStatus(
    [property: Id(0)] string VersionKey,
    [property: Id(1)] RescoringState State,
    [property: Id(2)] int Total,
    [property: Id(3)] int Done,
    [property: Id(4)] int Failed,
    [property: Id(5)] DateTimeOffset StartedAt,
    [property: Id(6)] DateTimeOffset? FinishedAt);
