using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Ledger;
using Microsoft.Extensions.Logging;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

// Sealing: finished years move into archive grains, so the live state — rewritten whole on every
// write by ADO.NET storage — stays the size of the current year plus what is still open.
public sealed partial class LedgerGrain
{
    private const int ArchivesCached = 2;

    // Made on the first read of a sealed year: most ledgers never read one.
    private Dictionary<int, IReadOnlyList<LedgerRecord>>? _archives;

    // Records dated in or before this year are sealed: new ones there are refused.
    private int? SealedThrough => ledger.State.Seals.Count == 0 ? null : ledger.State.Seals.Max(s => s.Result!.Year);

    /// <inheritdoc />
    public async Task<SealResult> SealYear(SealCommand command)
    {
        var earlier = ledger.State.Seals.Find(s => s.RequestId == command.RequestId)?.Result;
        var (replay, plan) = _ledger.DecideSeal(command, Today(), earlier);
        if (replay is not null)
        {
            return replay;
        }

        foreach (var (year, records) in plan!.Moves)
        {
            await StoreInArchive(year, records);
        }

        return await CommitSeal(command, plan);
    }

    private async Task StoreInArchive(int year, IReadOnlyList<LedgerRecord> records)
    {
        _archives?.Remove(year);
        try
        {
            await Archive(year).Store(records);
        }
        catch (Exception ex) when (ex is not StorageUnavailableException)
        {
            logger.LogError(ex, "Archive write failed for {Grain} {Year}", this.GetPrimaryKeyString(), year);
            throw new StorageUnavailableException("The archive could not be saved; nothing was sealed. Retry with the same request id.");
        }
    }

    // The live state changes only after every archive holds its records, and it is swapped in whole:
    // on a failed write the old state is put back, and the archives' copies are harmless (reads count
    // each sequence once, and sealing again stores the same records again).
    private async Task<SealResult> CommitSeal(SealCommand command, SealPlan plan)
    {
        var before = (ledger.State.Records, ledger.State.LastSequence, ledger.State.Sealed, ledger.State.SealedDutyIds, ledger.State.SealedFindingIds, ledger.State.Seals);
        var moved = plan.Moves.Values.SelectMany(r => r).Select(r => r.Sequence).ToHashSet();
        var sealedYears = ledger.State.Sealed.Select(Copy).ToDictionary(y => y.Year);
        foreach (var (year, records) in plan.Moves)
        {
            SealedIndex.Add(sealedYears.TryGetValue(year, out var index) ? index : sealedYears[year] = new SealedYear { Year = year }, records);
        }

        var result = new SealResult(
            command.Year, moved.Count, plan.CarriedForward, Records.Count - moved.Count, [.. sealedYears.Keys.Order()], false);
        ledger.State.LastSequence = LastSequence;
        ledger.State.Records = [.. Records.Where(r => !moved.Contains(r.Sequence))];
        ledger.State.Sealed = [.. sealedYears.Values.OrderBy(y => y.Year)];
        ledger.State.SealedDutyIds = [.. ledger.State.SealedDutyIds.Union(plan.SealedDutyIds, StringComparer.Ordinal)];
        ledger.State.SealedFindingIds = [.. ledger.State.SealedFindingIds.Union(plan.SealedFindingIds, StringComparer.Ordinal)];
        ledger.State.Seals = [.. ledger.State.Seals, new SealEvent { RequestId = command.RequestId, RequestedBy = command.RequestedBy, At = clock.GetUtcNow(), Result = result }];
        try
        {
            await ledger.WriteStateAsync();
        }
        catch (Exception ex)
        {
            (ledger.State.Records, ledger.State.LastSequence, ledger.State.Sealed, ledger.State.SealedDutyIds, ledger.State.SealedFindingIds, ledger.State.Seals) = before;
            logger.LogError(ex, "Ledger write failed while sealing {Grain}", this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was sealed. Retry with the same request id.");
        }

        _ledger = new LedgerAggregate(NodeId, Records, ledger.State.LastSequence, SealedBooks(), Node);
        return result;
    }

    private static SealedYear Copy(SealedYear year) =>
        new() { Year = year.Year, Sequences = [.. year.Sequences], RequestIdHashes = [.. year.RequestIdHashes] };

    private bool IsSealed(int year) => ledger.State.Sealed.Exists(s => s.Year == year);

    private ILedgerArchiveGrain Archive(int year) =>
        GrainFactory.GetGrain<ILedgerArchiveGrain>(GrainKeys.Archive(GrainKeys.TenantOf(this.GetPrimaryKeyString()), NodeId, year));

    // Archives change only when this grain seals, so their records are cached for the activation
    // (a couple of years at most: listing and retries of sealed years are rare).
    private async Task<IReadOnlyList<LedgerRecord>> ArchivedRecords(int year)
    {
        _archives ??= [];
        if (!_archives.TryGetValue(year, out var records))
        {
            records = await Archive(year).Records();
            if (_archives.Count >= ArchivesCached)
            {
                _archives.Clear();
            }

            _archives[year] = records;
        }

        return records;
    }

    // Retries of writes acknowledged before a seal are answered from the archive that holds them.
    private async Task<Dictionary<string, LedgerRecord>> SealedRecordsFor(IEnumerable<AppendCommand> commands)
    {
        var found = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            if (_ledger.Book.ByRequestId(command.RequestId) is not null)
            {
                continue;
            }

            foreach (var year in SealedIndex.YearsMaybeHolding(ledger.State.Sealed, command.RequestId))
            {
                if ((await ArchivedRecords(year)).FirstOrDefault(r => r.RequestId == command.RequestId) is { } record)
                {
                    found[command.RequestId] = record;
                }
            }
        }

        return found;
    }

    // What the aggregate refuses as closed books, as the live state records it.
    private ClosedBooks SealedBooks() => new()
    {
        Through = SealedThrough,
        SealedYearOf = sequence => SealedIndex.YearHolding(ledger.State.Sealed, sequence),
        DutyIds = ledger.State.SealedDutyIds.ToHashSet(StringComparer.Ordinal),
        FindingIds = ledger.State.SealedFindingIds.ToHashSet(StringComparer.Ordinal),
    };
}
