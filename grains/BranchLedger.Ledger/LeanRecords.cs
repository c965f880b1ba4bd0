using BranchLedger.Contracts.Ledger;

namespace BranchLedger.Ledger;

/// <summary>
/// Keeps a live ledger's records small: a deserialized record carries its own empty evidence list and
/// its own copy of its recorder's id, though most have no evidence and a ledger has few recorders.
/// </summary>
public static class LeanRecords
{
    /// <summary>
    /// Replaces, in place, each record that can share what the ones before it hold; returns the last
    /// recorder's id, for <see cref="Lean"/> of the records that follow.
    /// </summary>
    public static string? Compact(List<LedgerRecord> records)
    {
        string? recordedBy = null;
        for (var i = 0; i < records.Count; i++)
        {
            records[i] = Lean(records[i], ref recordedBy);
        }

        return recordedBy;
    }

    /// <summary>
    /// <paramref name="record"/>, or an equal copy with the shared empty evidence and the recorder's id
    /// of an earlier record (<paramref name="recordedBy"/>, which it updates).
    /// </summary>
    public static LedgerRecord Lean(LedgerRecord record, ref string? recordedBy)
    {
        var evidence = record.Evidence.Count == 0 ? Array.Empty<EvidenceRef>() : record.Evidence;
        var by = record.RecordedBy == recordedBy ? recordedBy : record.RecordedBy;
        recordedBy = by;
        return ReferenceEquals(evidence, record.Evidence) && ReferenceEquals(by, record.RecordedBy)
            ? record
            : record with { Evidence = evidence, RecordedBy = by };
    }
}
