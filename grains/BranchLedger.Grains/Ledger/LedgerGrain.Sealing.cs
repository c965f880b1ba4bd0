using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Validation;
using Microsoft.Extensions.Logging;

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
        RequireNode();
        var today = Today();
        var violations = new Violations().RequestId("request_id", command.RequestId);
        if (command.Year < 2000 || command.Year >= today.Year)
        {
            violations.Add("year", $"must be a year that has ended in the tenant's calendar (2000–{today.Year - 1})");
        }

        CommandChecks.ThrowIfInvalid(violations);
        if (ledger.State.Seals.Find(s => s.RequestId == command.RequestId) is { Result: { } earlier })
        {
            return earlier.Year == command.Year ? earlier with { Replayed = true } : throw new RequestIdConflictException(command.RequestId);
        }

        var plan = SealPlan.Through(command.Year, _book, _workflows);
        foreach (var (year, records) in plan.Moves)
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

        _book = new RecordBook(Records);
        Refresh();
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
            if (_book.ByRequestId(command.RequestId) is not null)
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

    // Sealed years are closed books: nothing new may be dated in them, nothing in them corrected, and
    // a workflow sealed whole takes no more steps (a re-check raises a new finding).
    private void RefuseIfSealed(RecordBody body)
    {
        var through = SealedThrough;
        var dates = body is CorrectionDetails { Replacement: { } r } ? new[] { body.Date, r.Date } : [body.Date];
        if (through is { } year && dates.Any(d => d.Year <= year))
        {
            throw new PreconditionFailedException("YEAR_SEALED", "date", $"The ledger is sealed through {year}: nothing dated in or before it can be recorded.");
        }

        switch (body)
        {
            case ITargetsRecord c when SealedIndex.YearHolding(ledger.State.Sealed, c.TargetSequence) is { } sealedIn:
                throw new PreconditionFailedException("YEAR_SEALED", "record_id", $"Record '{LedgerRecord.IdOf(c.TargetSequence)}' is sealed in {sealedIn}: it can no longer be corrected or reviewed.");
            case IDutyStep duty when ledger.State.SealedDutyIds.Contains(duty.Step.DutyId):
                throw new PreconditionFailedException("DUTY_ITEM_STEP_REFUSED", "duty_id", $"Duty item '{duty.Step.DutyId}' was verified and sealed: it takes no more steps and its id is not reused.");
            case IFindingStep finding when ledger.State.SealedFindingIds.Contains(finding.Step.FindingId):
                throw new PreconditionFailedException("FINDING_STEP_REFUSED", "finding_id", $"Finding '{finding.Step.FindingId}' was closed and sealed: raise a new finding for what a re-check found.");
        }
    }
}
