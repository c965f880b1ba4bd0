using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains;
using BranchLedger.Grains.Ledger;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Journal;

/// <summary>Writes a grain state row exactly as the ledger grains before the journal did (same state name, key, provider, serializer).</summary>
public interface ILegacyLedgerRowWriter : IGrainWithStringKey
{
    Task WriteLedger(LedgerState state);

    Task WriteArchive(LedgerArchiveState state);
}

/// <inheritdoc cref="ILegacyLedgerRowWriter"/>
public sealed class LegacyLedgerRowWriter(
    [PersistentState(stateName: LedgerGrain.StateName, storageName: StorageNames.Ledger)] IPersistentState<LedgerState> ledger,
    [PersistentState(stateName: LedgerArchiveGrain.StateName, storageName: StorageNames.Ledger)] IPersistentState<LedgerArchiveState> archive)
    : Grain, ILegacyLedgerRowWriter
{
    public Task WriteLedger(LedgerState state)
    {
        ledger.State = state;
        return ledger.WriteStateAsync();
    }

    public Task WriteArchive(LedgerArchiveState state)
    {
        archive.State = state;
        return archive.WriteStateAsync();
    }
}

/// <summary>
/// The fixture generator for the journal migration: a ledger as the code before the journal left it —
/// records of 2024 to 2026, 2024 sealed (its records in the year's archive row, indexed in the live row
/// by sequence and request-id hash), the rest live — written through the same storage provider.
/// </summary>
public static class LegacyLedgerFixture
{
    public const int Year2024 = 40;
    public const int Year2025 = 30;
    public const int Year2026 = 20;
    public const int Total = Year2024 + Year2025 + Year2026;

    public static LedgerRecord Record(long sequence, DateOnly date) => new()
    {
        Sequence = sequence,
        RequestId = $"legacy-{sequence}",
        RecordedBy = "secretary",
        RecordedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
        Body = ((MeetingDetails)Meetings.Command($"legacy-{sequence}").Body) with { Date = date },
    };

    /// <summary>Writes the rows of one ledger; returns its records in sequence order.</summary>
    public static async Task<IReadOnlyList<LedgerRecord>> WriteAsync(IGrainFactory grains, string tenant, string node)
    {
        var records = new List<LedgerRecord>();
        var sequence = 0L;
        foreach (var (year, count) in new[] { (2024, Year2024), (2025, Year2025), (2026, Year2026) })
        {
            for (var i = 0; i < count; i++)
            {
                records.Add(Record(++sequence, new DateOnly(year, 1, 1).AddDays(i * 3)));
            }
        }

        var sealedRecords = records.Where(r => r.Body.Date.Year == 2024).ToList();
        var key = GrainKeys.Ledger(tenant, node);
        await grains.GetGrain<ILegacyLedgerRowWriter>(GrainKeys.Archive(tenant, node, 2024)).WriteArchive(new LedgerArchiveState { Records = sealedRecords });
        await grains.GetGrain<ILegacyLedgerRowWriter>(key).WriteLedger(new LedgerState
        {
            Records = [.. records.Where(r => r.Body.Date.Year > 2024)],
            LastSequence = sequence,
            Sealed =
            [
                new SealedYear
                {
                    Year = 2024,
                    Sequences = [.. sealedRecords.Select(r => r.Sequence)],
                    RequestIdHashes = [.. sealedRecords.Select(r => Fnv1a(r.RequestId)).Order()],
                },
            ],
            Seals =
            [
                new SealEvent
                {
                    RequestId = "seal-2024", RequestedBy = "admin", At = new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero),
                    Result = new SealResult(2024, Year2024, 0, Year2025, [2024], false),
                },
            ],
        });
        return records;
    }

    // The old code's request-id hash of sealed years (FNV-1a over UTF-16 code units), as stored.
    private static long Fnv1a(string requestId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in requestId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
