using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;

namespace BranchLedger.Ledger;

/// <summary>
/// One node's ledger as a domain aggregate: its live records, how they stand after corrections, the
/// duty and finding workflows, the request ids it has answered and the books sealing closed. It decides
/// what a command records (<see cref="Decide"/>, <see cref="DecideBatch"/>) without changing anything,
/// and changes only when told records are durable (<see cref="Apply"/>). Pure: the caller loads,
/// persists and passes today's date in the tenant's calendar.
/// </summary>
public sealed partial class Ledger
{
    private readonly List<LedgerRecord> _records;
    private readonly RecordBook _book;
    private Workflows _workflows;

    // Built on the first score and kept up to date by Apply; null until then or after a correction.
    private ScoringBasis? _scoring;
    private LedgerNode? _rulesOf;
    private IReadOnlyList<Domain.Obligations.ObligationRule> _rules = [];

    // The last recorder's id, shared by the records that follow (LeanRecords).
    private string? _recordedBy;

    /// <summary>
    /// A ledger over <paramref name="records"/> (in sequence order; the list is copied, the records are
    /// shared). <paramref name="lastSequence"/> is the highest sequence ever given, which records sealed
    /// away may hold.
    /// </summary>
    public Ledger(string nodeId, IEnumerable<LedgerRecord> records, long lastSequence = 0, ClosedBooks? closed = null, LedgerNode? node = null)
    {
        NodeId = nodeId;
        _records = [.. records];
        _recordedBy = LeanRecords.Compact(_records);
        _book = new RecordBook(_records);
        LastSequence = Math.Max(lastSequence, _records.Count == 0 ? 0 : _records[^1].Sequence);
        Closed = closed ?? ClosedBooks.None;
        Node = node;
        _workflows = Workflows.Of(_book.Current());
    }

    /// <summary>The node's id (local to its tenant).</summary>
    public string NodeId { get; }

    /// <summary>The node as the directory last described it; null until the directory knows it.</summary>
    public LedgerNode? Node { get; private set; }

    /// <summary>What sealing closed.</summary>
    public ClosedBooks Closed { get; private set; }

    /// <summary>The highest sequence given; sequences are never reused, also after their records were sealed away.</summary>
    public long LastSequence { get; private set; }

    /// <summary>The live records, in sequence order.</summary>
    public IReadOnlyList<LedgerRecord> Records => _records;

    /// <summary>The live records with what is derived from them.</summary>
    public RecordBook Book => _book;

    /// <summary>The duty list and findings of the live records.</summary>
    public Workflows Workflows => _workflows;

    /// <summary>The directory's news about the node (renamed, closed, a new roster, another setting).</summary>
    public void NodeChanged(LedgerNode node) => Node = node;

    /// <summary>The node, or NOT_FOUND when the directory has none.</summary>
    public LedgerNode RequireNode() =>
        Node ?? throw new NotFoundException("branchledger.v1.Node", NodeId, $"No node '{NodeId}' in this tenant's directory.");

    /// <summary>
    /// Takes in records made durable, as <see cref="Decide"/> or <see cref="DecideBatch"/> made them,
    /// in sequence order after every record it holds. Incremental: a new record is indexed and folded
    /// into the workflows as the last of the current view, which is what rebuilding them gives; only a
    /// correction of a duty or finding step (which changes an earlier step) rebuilds the workflows.
    /// </summary>
    public void Apply(IReadOnlyList<LedgerRecord> records)
    {
        var rebuild = false;
        foreach (var record in records)
        {
            if (record.Sequence <= LastSequence)
            {
                throw new InvalidOperationException($"Record {record.Sequence} does not follow {LastSequence}: records are applied in ledger order, once.");
            }

            // What the corrected record read before, to tell whether the workflows must be folded again.
            var before = record.Body is CorrectionDetails c && _book.BySequence(c.TargetSequence) is { } target ? _book.ViewOf(target) : null;
            _records.Add(record);
            _book.Appended(record);
            LastSequence = record.Sequence;
            if (record.Body is not ITargetsRecord)
            {
                if (!rebuild)
                {
                    _workflows.Apply(record.Sequence, record.Body, record.RecordedBy);
                }

                _scoring?.Append(_book.ViewOf(record));
                continue;
            }

            // A correction or review can change any earlier record's view: score from scratch.
            _scoring = null;
            if (before is not null && (IsWorkflowStep(before.Current) || IsWorkflowStep(_book.ViewOf(before.Record).Current)))
            {
                rebuild = true;
            }
        }

        if (rebuild)
        {
            _workflows = Workflows.Of(_book.Current());
        }
    }

    private static bool IsWorkflowStep(RecordBody body) => body is IDutyStep or IFindingStep;
}
