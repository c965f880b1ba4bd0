namespace BranchLedger.Contracts.Ledger;

/// <summary>Asks a ledger to record a meeting.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RecordMeetingCommand")]
public sealed record RecordMeetingCommand
{
    /// <summary>The client request id; a retry with the same id is answered, not counted again.</summary>
    [Id(0)] public required string RequestId { get; init; }

    /// <summary>The caller who records it.</summary>
    [Id(1)] public required string RecordedBy { get; init; }

    /// <summary>The meeting.</summary>
    [Id(2)] public required MeetingDetails Meeting { get; init; }
}
