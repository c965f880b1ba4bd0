using BranchLedger.Contracts.Audit;
namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// The append-only ledger of one organisation or branch. Key: <see cref="GrainKeys.Ledger"/>.
/// One grain class serves every level of the tree: the records are the same kind of thing, and which
/// kinds a node may record is a rule of the domain, not a reason for another grain type.
/// </summary>
public interface ILedgerGrain : ITenantOwnedGrain
{
    /// <summary>
    /// The directory's news about this ledger's node (renamed, moved, closed, a new roster). The tenant
    /// grain pushes it after each change, so a ledger never asks the directory on the write path.
    /// </summary>
    Task NodeChanged(Directory.LedgerNode node);

    /// <summary>Appends a record (or a correction); idempotent on the command's request id.</summary>
    Task<RecordWriteResult> Append(AppendCommand command);

    /// <summary>
    /// Appends many records in one durable write, answering per command; nothing of the batch is
    /// acknowledged unless the whole write succeeded. Corrections are not accepted here. With an
    /// <paramref name="audit"/> entry, it commits with the records when any row is accepted (one
    /// transaction); when none is, nothing is written and the caller audits the call itself.
    /// </summary>
    Task<IReadOnlyList<ImportResult>> AppendBatch(IReadOnlyList<AppendCommand> commands, AuditEntry? audit = null);

    /// <summary>A page of the ledger: the current view, or the full history.</summary>
    Task<RecordPage> ListRecords(RecordQuery query);

    /// <summary>The duty list as it stands now, in listing order.</summary>
    Task<IReadOnlyList<DutyItemView>> ListDutyItems();

    /// <summary>The findings as they stand now, in the order they were raised.</summary>
    Task<IReadOnlyList<FindingView>> ListFindings();

    /// <summary>
    /// Which obligations of the node's level were met, missed or are still due in <paramref name="period"/>
    /// (a canonical period such as 2026, 2026-Q1 or 2026-03), with the warnings as of today.
    /// </summary>
    Task<ComplianceView> GetCompliance(string period);

    /// <summary>
    /// Computes the node's warnings for the year that contains yesterday and publishes them to the
    /// tenant's warning board. A daily reminder calls it; operators and tests may call it too.
    /// </summary>
    Task<NodeWarnings> RaiseWarnings();

    /// <summary>
    /// Seals every finished record dated in or before a year that has ended into that record's year's
    /// archive (open duty items and findings are carried forward); afterwards nothing dated in or before
    /// the year can be recorded. Idempotent on the request id; retries of writes made before the seal
    /// are still recognised.
    /// </summary>
    Task<SealResult> SealYear(SealCommand command);

    /// <summary>
    /// The node's score for a period (canonical form) under a published rubric version (0: the serving
    /// one), every indicator explained.
    /// </summary>
    Task<Scoring.ScoreSheetView> GetScore(string period, int rubricVersion);

    /// <summary>
    /// Scores the node with <paramref name="rubric"/> for this year's and last year's periods and pushes
    /// the scores to the rankings (a rescoring or a rebuild calls it for every branch).
    /// </summary>
    Task Rescore(Scoring.PublishedRubric rubric);

    /// <summary>
    /// The records (originals, as they now read) with their review state, filtered by state and year;
    /// void records only when the void answered a return.
    /// </summary>
    Task<ReviewQueuePage> ListReviewQueue(ReviewQueueQuery query);

    /// <summary>One record with every correction and review of it, or null when there is none with that sequence.</summary>
    Task<RecordHistory?> GetRecord(long sequence);

    /// <summary>
    /// What the annual report counts in this ledger for <paramref name="year"/> (its sealed archive
    /// merged in): the current records as report facts, each with a label for the trace.
    /// </summary>
    Task<Reports.NodeReportFacts> GetReportFacts(int year);
}
