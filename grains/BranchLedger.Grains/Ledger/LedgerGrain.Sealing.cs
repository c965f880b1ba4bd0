using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Ledger;
using Microsoft.Extensions.Logging;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

// Sealing: closed books. The seal is a row in the journal; sealed years' records stay where they are
// (the journal) and leave the grain's memory and snapshot, so these stay the size of the current year
// plus what is still open. Reads of a sealed year come from the journal on demand.
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

        return await CommitSeal(command, plan!);
    }

    // The seal is durable once its journal row is (a record the snapshot alone held is journaled first);
    // the snapshot written after it only spares the next activation from sealing again in memory.
    private async Task<SealResult> CommitSeal(SealCommand command, SealPlan plan)
    {
        var seal = new SealEvent { RequestId = command.RequestId, RequestedBy = command.RequestedBy, At = clock.GetUtcNow(), Result = Answer(command.Year, plan) };
        try
        {
            await EnsureJournaledAsync([.. plan.Moves.Values.SelectMany(r => r)]);
            if (!await journal.AppendSealAsync(JournalKey, seal))
            {
                // Sealed by another activation under this request id: this one's memory is behind.
                DeactivateOnIdle();
                throw new StorageUnavailableException("The ledger was sealed elsewhere; retry with the same request id.");
            }
        }
        catch (Exception ex) when (ex is not StorageUnavailableException)
        {
            logger.LogError(ex, "Ledger write failed while sealing {Grain}", this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was sealed. Retry with the same request id.");
        }
        catch (StorageUnavailableException)
        {
            DeactivateOnIdle();
            throw;
        }

        ApplySeal(seal, plan);
        await WriteSnapshotAsync();
        return seal.Result;
    }

    private SealResult Answer(int year, SealPlan plan)
    {
        var moved = plan.Moves.Values.SelectMany(r => r).Select(r => r.Sequence).Distinct().Count();
        var years = ledger.State.Sealed.Select(y => y.Year).Union(plan.Moves.Keys).Order();
        return new SealResult(year, moved, plan.CarriedForward, Records.Count - moved, [.. years], false);
    }

    // The seal in memory (and so in the next snapshot): sealed records leave the live list for their
    // year's index, sealed workflows are remembered, the seal is kept for replays.
    private void ApplySeal(SealEvent seal, SealPlan plan)
    {
        var moved = plan.Moves.Values.SelectMany(r => r).Select(r => r.Sequence).ToHashSet();
        var sealedYears = ledger.State.Sealed.Select(Copy).ToDictionary(y => y.Year);
        foreach (var (year, records) in plan.Moves)
        {
            SealedIndex.Add(sealedYears.TryGetValue(year, out var index) ? index : sealedYears[year] = new SealedYear { Year = year }, records);
        }

        ledger.State.LastSequence = LastSequence;
        ledger.State.Records = [.. Records.Where(r => !moved.Contains(r.Sequence))];
        ledger.State.Sealed = [.. sealedYears.Values.OrderBy(y => y.Year)];
        ledger.State.SealedDutyIds = [.. ledger.State.SealedDutyIds.Union(plan.SealedDutyIds, StringComparer.Ordinal)];
        ledger.State.SealedFindingIds = [.. ledger.State.SealedFindingIds.Union(plan.SealedFindingIds, StringComparer.Ordinal)];
        ledger.State.Seals = [.. ledger.State.Seals, seal];
        foreach (var year in plan.Moves.Keys)
        {
            _archives?.Remove(year);
        }

        _ledger = new LedgerAggregate(NodeId, Records, ledger.State.LastSequence, SealedBooks(), Node);
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
            records = await SealedYearRecordsAsync(year);
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
