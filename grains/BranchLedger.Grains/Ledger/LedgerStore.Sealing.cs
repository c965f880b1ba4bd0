using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Ledger;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

// Sealing is closed books: the seal is a row in the journal; sealed years' records stay there and
// leave the memory and the snapshot, so both stay the size of the current year plus what is still
// open. Reads of a sealed year come from the journal on demand.
internal sealed partial class LedgerStore
{
    private const int ArchivesCached = 2;

    // Made on the first read of a sealed year: most ledgers never read one.
    private Dictionary<int, IReadOnlyList<LedgerRecord>>? _archives;

    /// <summary>The sealed years, ascending.</summary>
    public IReadOnlyList<int> SealedYears => [.. State.Sealed.Select(y => y.Year)];

    /// <summary>Whether <paramref name="year"/> is sealed.</summary>
    public bool IsSealed(int year) => State.Sealed.Exists(s => s.Year == year);

    /// <summary>The sealed year holding a record, or null when it is live or unknown.</summary>
    public int? SealedYearOf(long sequence) => SealedIndex.YearHolding(State.Sealed, sequence);

    /// <summary>What the seal under <paramref name="requestId"/> answered, or null.</summary>
    public SealResult? SealAnswered(string requestId) => State.Seals.Find(s => s.RequestId == requestId)?.Result;

    /// <summary>What the aggregate refuses as closed books, as the live state records it.</summary>
    public ClosedBooks ClosedBooks() => new()
    {
        Through = State.Seals.Count == 0 ? null : State.Seals.Max(s => s.Result!.Year),
        SealedYearOf = SealedYearOf,
        DutyIds = State.SealedDutyIds.ToHashSet(StringComparer.Ordinal),
        FindingIds = State.SealedFindingIds.ToHashSet(StringComparer.Ordinal),
    };

    /// <summary>The answer a seal through <paramref name="year"/> by <paramref name="plan"/> gives.</summary>
    public SealResult Answer(int year, SealPlan plan)
    {
        var moved = plan.Moves.Values.SelectMany(r => r).Select(r => r.Sequence).Distinct().Count();
        var years = State.Sealed.Select(y => y.Year).Union(plan.Moves.Keys).Order();
        return new SealResult(year, moved, plan.CarriedForward, Records.Count - moved, [.. years], false);
    }

    /// <summary>
    /// Makes the seal durable: its journal row (a record the snapshot alone held is journaled first).
    /// False when another activation sealed under this request id (this one's memory is behind).
    /// </summary>
    public async Task<bool> CommitSealAsync(SealEvent seal, SealPlan plan)
    {
        await EnsureJournaledAsync([.. plan.Moves.Values.SelectMany(r => r)]);
        return await journal.AppendSealAsync(ledgerKey, seal);
    }

    /// <summary>
    /// The seal in memory (and so in the next snapshot): sealed records leave the live list for their
    /// year's index, sealed workflows are remembered, the seal is kept for replays. Gives the aggregate
    /// over what stays live.
    /// </summary>
    public LedgerAggregate ApplySeal(SealEvent seal, SealPlan plan, LedgerAggregate ledger)
    {
        var moved = plan.Moves.Values.SelectMany(r => r).Select(r => r.Sequence).ToHashSet();
        var sealedYears = State.Sealed.Select(Copy).ToDictionary(y => y.Year);
        foreach (var (year, records) in plan.Moves)
        {
            SealedIndex.Add(sealedYears.TryGetValue(year, out var index) ? index : sealedYears[year] = new SealedYear { Year = year }, records);
            _archives?.Remove(year);
        }

        State.LastSequence = LastSequence;
        State.Records = [.. Records.Where(r => !moved.Contains(r.Sequence))];
        State.Sealed = [.. sealedYears.Values.OrderBy(y => y.Year)];
        State.SealedDutyIds = [.. State.SealedDutyIds.Union(plan.SealedDutyIds, StringComparer.Ordinal)];
        State.SealedFindingIds = [.. State.SealedFindingIds.Union(plan.SealedFindingIds, StringComparer.Ordinal)];
        State.Seals = [.. State.Seals, seal];
        return new LedgerAggregate(ledger.NodeId, Records, State.LastSequence, ClosedBooks(), ledger.Node);
    }

    /// <summary>Seals in memory and writes the snapshot at once (it spares the next activation from sealing again).</summary>
    public async Task<LedgerAggregate> ApplySealAndSnapshotAsync(SealEvent seal, SealPlan plan, LedgerAggregate ledger)
    {
        var sealedLedger = ApplySeal(seal, plan, ledger);
        await WriteSnapshotAsync();
        return sealedLedger;
    }

    /// <summary>
    /// A sealed year's records, cached for the activation (a couple of years at most: listing and
    /// retries of sealed years are rare, and they change only when this ledger seals).
    /// </summary>
    public async Task<IReadOnlyList<LedgerRecord>> SealedYearRecordsAsync(int year)
    {
        _archives ??= [];
        if (!_archives.TryGetValue(year, out var records))
        {
            records = await ReadSealedYearAsync(year);
            if (_archives.Count >= ArchivesCached)
            {
                _archives.Clear();
            }

            _archives[year] = records;
        }

        return records;
    }

    /// <summary>Records of sealed years answering <paramref name="commands"/>' request ids (retries of writes acknowledged before a seal).</summary>
    public async Task<Dictionary<string, LedgerRecord>> SealedRecordsFor(IEnumerable<AppendCommand> commands, RecordBook live)
    {
        var found = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);
        foreach (var command in commands.Where(c => live.ByRequestId(c.RequestId) is null))
        {
            foreach (var year in SealedIndex.YearsMaybeHolding(State.Sealed, command.RequestId))
            {
                if ((await SealedYearRecordsAsync(year)).FirstOrDefault(r => r.RequestId == command.RequestId) is { } record)
                {
                    found[command.RequestId] = record;
                }
            }
        }

        return found;
    }

    // From the journal; a ledger sealed before the journal existed (and not yet migrated) still has
    // them in its year's archive grain.
    private async Task<IReadOnlyList<LedgerRecord>> ReadSealedYearAsync(int year)
    {
        var sequences = State.Sealed.Find(s => s.Year == year)?.Sequences ?? [];
        var records = await journal.ReadSequencesAsync(ledgerKey, sequences);
        if (records.Count >= sequences.Count)
        {
            return records;
        }

        var held = records.Select(r => r.Sequence).ToHashSet();
        var archive = grains.GetGrain<ILedgerArchiveGrain>(GrainKeys.Archive(GrainKeys.TenantOf(ledgerKey), GrainKeys.LocalIdOf(ledgerKey), year));
        var archived = await archive.Records();
        return [.. records.Concat(archived.Where(r => !held.Contains(r.Sequence))).OrderBy(r => r.Sequence)];
    }

    // Rows the journal must hold before a seal drops them from the snapshot: ledgers written before the
    // journal existed (and not yet migrated) have their records only in the snapshot.
    private async Task EnsureJournaledAsync(IReadOnlyCollection<LedgerRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        var held = (await journal.ReadSequencesAsync(ledgerKey, [.. records.Select(r => r.Sequence)])).Select(r => r.Sequence).ToHashSet();
        var missing = records.Where(r => !held.Contains(r.Sequence)).OrderBy(r => r.Sequence).ToList();
        if (missing.Count > 0)
        {
            await journal.AppendAsync(ledgerKey, missing, null);
        }
    }

    private static SealedYear Copy(SealedYear year) =>
        new() { Year = year.Year, Sequences = [.. year.Sequences], RequestIdHashes = [.. year.RequestIdHashes] };
}
