namespace BranchLedger.Contracts.Ledger;

/// <summary>A branch (党支部) and its append-only ledger. Key: <see cref="GrainKeys.Branch"/>.</summary>
public interface IBranchGrain : IGrainWithStringKey
{
    /// <summary>Records a meeting; idempotent on the command's request id.</summary>
    Task<RecordWriteResult> RecordMeeting(RecordMeetingCommand command);

    /// <summary>Records after <paramref name="afterSequence"/>, at most <paramref name="pageSize"/>.</summary>
    Task<RecordPage> ListRecords(long afterSequence, int pageSize);
}
