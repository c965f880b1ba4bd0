using System.Diagnostics;
using System.Globalization;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger;

namespace BranchLedger.Bench;

/// <summary>
/// <c>--activation</c>: activation time and retained memory of one ledger of 5 years × 500 records
/// (issue 18: "Activation time and resident memory of a ledger with 5 years × 500 records"). The
/// ledger is filled through <c>AppendBatch</c>, deactivated (its snapshot written), and activated
/// again several times by a one-record read: the time of that first call (snapshot + journal tail +
/// building the aggregate), and the managed heap the activation keeps after a full collection. Then
/// the same after sealing every year before last (the live ledger holds this year and the last).
/// </summary>
internal static class ActivationScenario
{
    private const int Years = 5;
    private const int PerYear = 500;
    private const int Rounds = 7;

    public static async Task<int> RunAsync(Action<string> progress)
    {
        var stamp = DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        progress($"starting the bench PostgreSQL ({BenchPostgres.DataFolder}, port {BenchPostgres.Port})");
        var postgres = BenchPostgres.Start();
        try
        {
            var db = await postgres.CreateDatabaseAsync(stamp, "activation");
            await using var silo = await BenchSilo.StartAsync(db, $"bench-{stamp}-activation", StorageFormat.OrleansBinary);
            var grains = silo.Grains;
            await BenchDirectory.RegisterAsync(grains, "warmup", "branch-5y");
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var factory = new RecordFactory(20_261_207, true);

            // The warm-up ledger makes the tenant, rubric and storage paths warm, so the rounds time the ledger alone.
            var warm = grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(BenchDirectory.Tenant, "warmup"));
            await warm.AppendBatch([.. Enumerable.Range(1, 50).Select(i => factory.Next($"warm-{i:D6}", today.AddDays(-i), i))]);

            progress($"filling one ledger with {Years} years × {PerYear} records (AppendBatch of {PerYear})");
            var key = GrainKeys.Ledger(BenchDirectory.Tenant, "branch-5y");
            var ledger = grains.GetGrain<ILedgerGrain>(key);
            for (var y = Years - 1; y >= 0; y--)
            {
                var year = today.Year - y;
                var last = y == 0 ? today : new DateOnly(year, 12, 31);
                var first = new DateOnly(year, 1, 1);
                var span = last.DayNumber - first.DayNumber;
                var batch = Enumerable.Range(0, PerYear)
                    .Select(i => factory.Next($"y{year}-{i:D4}", first.AddDays(span * i / PerYear), (Years - 1 - y) * PerYear + i + 1))
                    .ToList();
                var results = await ledger.AppendBatch(batch);
                if (results.Count(r => r.Outcome == ImportOutcome.Accepted) != PerYear)
                {
                    throw new InvalidOperationException($"year {year}: {string.Join("; ", results.Where(r => r.Outcome != ImportOutcome.Accepted).SelectMany(r => r.Errors).Select(e => e.ToString()).Take(3))}");
                }
            }

            Console.WriteLine($"### Ledger activation — {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z, code {MachineFacts.CodeVersion(BranchLedger.LocalPostgres.RepoRoot.Path)}");
            Console.WriteLine();
            Console.WriteLine("| live records | activation (first call) median ms | min | max | heap kept by the activation, median KiB | per live record |");
            Console.WriteLine("|---|---|---|---|---|---|");
            await MeasureAsync(grains, ledger, progress);

            progress($"sealing through {today.Year - 2}");
            await ledger.SealYear(new SealCommand(today.Year - 2, "bench-seal", "bench"));
            await MeasureAsync(grains, ledger, progress);
            Console.WriteLine();
            Console.WriteLine($"{Environment.ProcessorCount} cores; silo in the bench process (ADO.NET storage, journal on PostgreSQL); {Rounds} rounds, the first not counted; heap = GC.GetTotalMemory after a full blocking collection, with the ledger active minus deactivated.");
            return 0;
        }
        finally
        {
            await postgres.FinishAsync(keepDatabases: false, keepPostgres: false, progress);
        }
    }

    private static async Task MeasureAsync(IGrainFactory grains, ILedgerGrain ledger, Action<string> progress)
    {
        var times = new List<double>();
        var heap = new List<double>();
        var live = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await DeactivateAsync(grains);
            var before = FullCollection();
            var clock = Stopwatch.StartNew();
            var page = await ledger.ListRecords(new RecordQuery { PageSize = 1 });
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var after = FullCollection();
            live = (await ledger.ListRecords(new RecordQuery { PageSize = 500, IncludeHistory = true })).Records.Count;
            GC.KeepAlive(page);
            if (round > 0)
            {
                times.Add(elapsed);
                heap.Add((after - before) / 1024.0);
            }

            progress($"  round {round}: {elapsed:0.0} ms, {(after - before) / 1024.0:N0} KiB");
        }

        // The live count: every record the current view and history list (a page of 500 at a time).
        var count = await CountAsync(ledger);
        times.Sort();
        heap.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count:N0} | {times[times.Count / 2]:0.0} | {times[0]:0.0} | {times[^1]:0.0} | {heap[heap.Count / 2]:N0} | {heap[heap.Count / 2] * 1024 / Math.Max(count, 1):N0} B |"));
        GC.KeepAlive(live);
    }

    private static async Task<int> CountAsync(ILedgerGrain ledger)
    {
        var count = 0;
        long after = 0;
        while (true)
        {
            var page = await ledger.ListRecords(new RecordQuery { PageSize = 500, IncludeHistory = true, AfterSequence = after });
            count += page.Records.Count;
            if (page.NextAfterSequence is not { } next)
            {
                return count;
            }

            after = next;
        }
    }

    // Every idle activation leaves (the ledger writes its snapshot on the way out).
    private static async Task DeactivateAsync(IGrainFactory grains)
    {
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Task.Delay(500);
    }

    private static long FullCollection()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
