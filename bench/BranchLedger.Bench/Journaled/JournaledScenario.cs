using System.Diagnostics;
using System.Globalization;
using System.Text;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger.Journal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.EventSourcing.CustomStorage;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Bench.Journaled;

/// <summary>
/// <c>--journaled</c>: the real <c>LedgerGrain.Append</c> against a <see cref="JournaledLedgerGrain"/>
/// (Orleans' CustomStorage log-consistency provider) writing the same journal table, in one silo and
/// one run: latency at c = 1, throughput at c = 16 over 16 ledgers, activation of a ledger of 2,500
/// records, and what a caller sees when PostgreSQL refuses a write.
/// </summary>
internal static class JournaledScenario
{
    private const int Writers = 16;
    private const int SingleWrites = 300;
    private const int WritesPerWriter = 60;
    private const int ThroughputRounds = 4;
    private const int Filled = 2500;
    private const int ActivationRounds = 7;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Refusal = TimeSpan.FromSeconds(5);

    // Who goes first alternates, so neither contender always follows the other's write.
    private static readonly int[] RealFirst = [0, 1];
    private static readonly int[] JournaledFirst = [1, 0];

    private static readonly string[] Ledgers = ["warm", "single", "big", "refuse", "conflict"];

    private static readonly string[] Contenders = ["LedgerGrain (own journal store)", "JournaledGrain + CustomStorage"];

    public static async Task<int> RunAsync(Action<string> progress)
    {
        var started = DateTime.UtcNow;
        var stamp = started.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        var loadStart = MachineFacts.LoadAverage();
        // A throwaway server on a free port: the machine is shared, the bench port may be another run's.
        var port = FreePort();
        progress($"starting a throwaway PostgreSQL for this run (.run/pg, port {port})");
        var postgres = BenchPostgres.StartThrowaway("bench-journaled", port);
        var report = new StringBuilder();
        try
        {
            var db = await postgres.CreateDatabaseAsync(stamp, "journaled");
            await using var silo = await BenchSilo.StartAsync(db, $"bench-{stamp}-journaled", StorageFormat.OrleansBinary,
                s => s.AddCustomStorageBasedLogConsistencyProvider(JournaledLedgerGrain.ProviderName));
            var grains = silo.Grains;
            var nodes = Ledgers
                .Concat(Enumerable.Range(0, Writers).Select(i => $"w{i:D2}"))
                .SelectMany(n => new[] { $"real-{n}", $"jour-{n}" })
                .ToArray();
            await BenchDirectory.RegisterAsync(grains, nodes);
            var bench = new Bench(grains, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));

            progress("warm-up: 50 writes on each contender");
            for (var i = 1; i <= 50; i++)
            {
                foreach (var c in Order(0))
                {
                    await bench.AppendAsync(c, "warm", $"warm-{i:D4}", i);
                }
            }

            // c = 1: one ledger each, writes interleaved so both see the same machine moment.
            progress($"c = 1: {SingleWrites} single writes on one ledger each, interleaved");
            var single = new[] { new List<double>(), new List<double>() };
            for (var i = 1; i <= SingleWrites; i++)
            {
                foreach (var c in Order(i))
                {
                    var start = Stopwatch.GetTimestamp();
                    await bench.AppendAsync(c, "single", $"single-{i:D5}", i);
                    single[c].Add(Clock.Ms(start));
                }
            }

            // c = 16: 16 writers, one ledger each, rounds alternating between the contenders.
            var rates = new[] { new List<double>(), new List<double>() };
            var concurrent = new[] { new List<double>(), new List<double>() };
            for (var round = 0; round < ThroughputRounds; round++)
            {
                foreach (var c in Order(round))
                {
                    progress($"c = {Writers}: round {round + 1}, {Contenders[c]}, {Writers} × {WritesPerWriter} writes");
                    var wall = Stopwatch.StartNew();
                    var latencies = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
                    {
                        var mine = new List<double>(WritesPerWriter);
                        for (var i = 1; i <= WritesPerWriter; i++)
                        {
                            var start = Stopwatch.GetTimestamp();
                            await bench.AppendAsync(c, $"w{w:D2}", $"r{round}-{i:D4}", (round * WritesPerWriter) + i);
                            mine.Add(Clock.Ms(start));
                        }

                        return mine;
                    })));
                    rates[c].Add(Writers * WritesPerWriter / wall.Elapsed.TotalSeconds);
                    concurrent[c].AddRange(latencies.SelectMany(l => l));
                }
            }

            progress($"activation: filling one ledger each with {Filled:N0} records (batches of 500)");
            await bench.FillAsync(Filled);
            var activation = new[] { new List<double>(), new List<double>() };
            for (var round = 0; round < ActivationRounds; round++)
            {
                foreach (var c in Order(round))
                {
                    await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
                    await Task.Delay(500);
                    var start = Stopwatch.GetTimestamp();
                    var last = await bench.FirstCallAsync(c, "big");
                    var elapsed = Clock.Ms(start);
                    Require(last == Filled, $"{Contenders[c]} activated with last sequence {last}, not {Filled}");
                    if (round > 0)
                    {
                        activation[c].Add(elapsed);
                    }
                }
            }

            progress($"failures: writes refused for {Refusal.TotalSeconds:0} s, then a request id another writer took");
            var journal = silo.Services.GetRequiredService<ILedgerJournal>();
            var refused = new List<string>();
            for (var c = 0; c < 2; c++)
            {
                refused.Add(await RefusedAsync(bench, db, c, progress));
            }

            var conflict = new List<string>();
            for (var c = 0; c < 2; c++)
            {
                conflict.Add(await ConflictAsync(bench, journal, c, progress));
            }

            Write(report, started, loadStart, single, rates, concurrent, activation, refused, conflict);
            Console.WriteLine(report.ToString());
            var outFolder = Path.Combine(BranchLedger.LocalPostgres.RepoRoot.Path, ".run", "bench");
            Directory.CreateDirectory(outFolder);
            await File.WriteAllTextAsync(Path.Combine(outFolder, "journaled.md"), report.ToString());
            progress("wrote .run/bench/journaled.md; stopping the silo (the JournaledGrain stuck on the taken request id keeps retrying until then)");
            return 0;
        }
        finally
        {
            await postgres.FinishAsync(keepDatabases: false, keepPostgres: false, progress);
        }
    }

    // PostgreSQL refuses every insert into the ledger's journal for a few seconds (a trigger, as a
    // failing disk or a stopped server would), then accepts again.
    private static async Task<string> RefusedAsync(Bench bench, string db, int c, Action<string> progress)
    {
        for (var i = 1; i <= 10; i++)
        {
            await bench.AppendAsync(c, "refuse", $"before-{i:D3}", i);
        }

        await ExecuteAsync(db, """
            CREATE OR REPLACE FUNCTION bench_refuse() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN RAISE EXCEPTION 'bench: the journal refuses writes'; END $f$;
            CREATE TRIGGER bench_refuse BEFORE INSERT ON branchledger_journal
                FOR EACH ROW WHEN (NEW.ledger LIKE '%-refuse') EXECUTE FUNCTION bench_refuse();
            """);
        var attemptsBefore = JournaledProbe.AttemptsOf(bench.Key(c, "refuse"));
        var clock = Stopwatch.StartNew();
        var call = bench.AppendAsync(c, "refuse", "during-001", 11);
        var answer = await AnswerWithinAsync(call, Refusal);
        await ExecuteAsync(db, "DROP TRIGGER bench_refuse ON branchledger_journal");
        var late = answer ?? await AnswerWithinAsync(call, Patience) ?? "no answer";
        var answeredAfter = clock.Elapsed.TotalSeconds;

        // After the outage: the next write must be record 12 if the refused one was kept, 11 if it was not.
        var next = await bench.AppendAsync(c, "refuse", "after-001", 12);
        var text = (answer ?? $"no answer while refused; {late} {answeredAfter:0.0} s after the call, once writes were accepted again") + "; "
            + (c == 1 ? $"storage calls {JournaledProbe.AttemptsOf(bench.Key(c, "refuse")) - attemptsBefore}; " : "")
            + $"next write became record {next.Record.Sequence}";
        progress($"  {Contenders[c]}: {text}");
        return text;
    }

    // Another writer (a second activation after a failover, say) appends the same request id as the
    // next record; then this activation, which has not seen it, receives the retry.
    private static async Task<string> ConflictAsync(Bench bench, ILedgerJournal journal, int c, Action<string> progress)
    {
        for (var i = 1; i <= 10; i++)
        {
            await bench.AppendAsync(c, "conflict", $"before-{i:D3}", i);
        }

        var key = bench.Key(c, "conflict");
        var retried = bench.Command(c, "conflict", "retried-001", 11);
        var node = await bench.NodeAsync(key);
        var other = new LedgerAggregate(GrainKeys.LocalIdOf(key), await journal.ReadAfterAsync(key, 0), node: node);
        var (record, _) = other.Decide(retried, bench.Today, DateTimeOffset.UtcNow);
        await journal.AppendAsync(key, [record], retried.Audit);

        var attemptsBefore = JournaledProbe.AttemptsOf(key);
        var clock = Stopwatch.StartNew();
        var answer = await AnswerWithinAsync(bench.AppendAsync(c, "conflict", "retried-001", 11), Patience);
        var count = (await journal.CountAsync(key)).Count;
        var text = $"{answer ?? "no answer"} after {clock.Elapsed.TotalSeconds:0.0} s; "
            + (c == 1 ? $"storage calls {JournaledProbe.AttemptsOf(key) - attemptsBefore}; " : "")
            + $"journal holds {count} records";
        progress($"  {Contenders[c]}: {text}");
        return text;
    }

    private static async Task<string?> AnswerWithinAsync(Task<RecordWriteResult> call, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        if (await Task.WhenAny(call, Task.Delay(patience)) != call)
        {
            return null;
        }

        try
        {
            var result = await call;
            return $"answered record {result.Record.Sequence}{(result.Replayed ? " (a replay)" : "")}";
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name} after {clock.Elapsed.TotalMilliseconds:0} ms";
        }
    }

    private static async Task ExecuteAsync(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Write(StringBuilder md, DateTime started, string loadStart, List<double>[] single, List<double>[] rates,
        List<double>[] concurrent, List<double>[] activation, List<string> refused, List<string> conflict)
    {
        var s = single.Select(Summary.Of).ToArray();
        var t = concurrent.Select(Summary.Of).ToArray();
        var r = rates.Select(x => x.Order().ElementAt(x.Count / 2)).ToArray();
        var a = activation.Select(Summary.Of).ToArray();
        string Row(string name, double real, double jour, string unit) =>
            string.Create(CultureInfo.InvariantCulture, $"| {name} | {real:0.0} {unit} | {jour:0.0} {unit} | {jour / real:0.00}× |");

        md.AppendLine(CultureInfo.InvariantCulture, $"### Orleans JournaledGrain against the ledger's own journal store — {started:yyyy-MM-dd HH:mm}Z, code {MachineFacts.CodeVersion(BranchLedger.LocalPostgres.RepoRoot.Path)}");
        md.AppendLine();
        md.AppendLine("| measure | LedgerGrain (own journal store) | JournaledGrain + CustomStorage | JournaledGrain / LedgerGrain |");
        md.AppendLine("|---|---|---|---|");
        md.AppendLine(Row($"c = 1, one ledger: median ({SingleWrites} writes)", s[0].Median, s[1].Median, "ms"));
        md.AppendLine(Row("c = 1: p99", s[0].P99, s[1].P99, "ms"));
        md.AppendLine(Row($"c = {Writers} over {Writers} ledgers: writes/s (median of {ThroughputRounds} rounds)", r[0], r[1], "/s"));
        md.AppendLine(Row($"c = {Writers}: median", t[0].Median, t[1].Median, "ms"));
        md.AppendLine(Row($"c = {Writers}: p99", t[0].P99, t[1].P99, "ms"));
        md.AppendLine(Row($"activation of {Filled:N0} records: median ({ActivationRounds - 1} rounds)", a[0].Median, a[1].Median, "ms"));
        md.AppendLine();
        md.AppendLine("| PostgreSQL refuses | LedgerGrain (own journal store) | JournaledGrain + CustomStorage |");
        md.AppendLine("|---|---|---|");
        md.AppendLine($"| every insert into the journal for {Refusal.TotalSeconds:0} s | {refused[0]} | {refused[1]} |");
        md.AppendLine($"| the retried request id, already taken as the next record by another writer | {conflict[0]} | {conflict[1]} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, load average {loadStart} at the start and {MachineFacts.LoadAverage()} at the end; one in-process silo, grain calls from the bench process (no gRPC); every write carries an audit row in its transaction.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int[] Order(int i) => i % 2 == 0 ? RealFirst : JournaledFirst;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>The two contenders behind one call shape: 0 = the real grain, 1 = the JournaledGrain.</summary>
    private sealed class Bench(IGrainFactory grains, DateOnly today)
    {
        private readonly RecordFactory _factory = new(20_261_207, true);

        public DateOnly Today => today;

        public string Key(int contender, string ledger) => GrainKeys.Ledger(BenchDirectory.Tenant, (contender == 0 ? "real-" : "jour-") + ledger);

        // The same command for both contenders (a factory per call, seeded by the index, so concurrent writers share nothing).
        public AppendCommand Command(int contender, string ledger, string requestId, int index)
        {
            var command = new RecordFactory(index, true).Next(requestId, today.AddDays(-(index % 300)), index);
            return command with { Audit = new AuditEntry(DateTimeOffset.UtcNow, BenchDirectory.Tenant, "bench", "bench-key", requestId, "RecordMeeting", Key(contender, ledger), "OK") };
        }

        public Task<RecordWriteResult> AppendAsync(int contender, string ledger, string requestId, int index)
        {
            var command = Command(contender, ledger, requestId, index);
            return contender == 0
                ? grains.GetGrain<ILedgerGrain>(Key(0, ledger)).Append(command)
                : grains.GetGrain<IJournaledLedgerGrain>(Key(1, ledger)).Append(command);
        }

        public Task<LedgerNode?> NodeAsync(string key) =>
            grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(BenchDirectory.Tenant)).GetLedgerNode(GrainKeys.LocalIdOf(key));

        public async Task FillAsync(int count)
        {
            var batches = Enumerable.Range(1, count)
                .Select(i => _factory.Next($"fill-{i:D5}", today.AddDays(-((count - i) * 1825 / count)), i))
                .Chunk(500)
                .ToList();
            foreach (var batch in batches)
            {
                var real = await grains.GetGrain<ILedgerGrain>(Key(0, "big")).AppendBatch(batch);
                Require(real.All(x => x.Outcome == ImportOutcome.Accepted), "a fill row was refused by LedgerGrain");
                var jour = await grains.GetGrain<IJournaledLedgerGrain>(Key(1, "big")).AppendBatch(batch);
                Require(jour == batch.Length, "a fill row was refused by the JournaledGrain");
            }
        }

        // The first call after deactivation (it waits for the activation), answering the last sequence.
        public async Task<long> FirstCallAsync(int contender, string ledger)
        {
            if (contender == 1)
            {
                return await grains.GetGrain<IJournaledLedgerGrain>(Key(1, ledger)).LastSequence();
            }

            var page = await grains.GetGrain<ILedgerGrain>(Key(0, ledger)).ListRecords(new RecordQuery { PageSize = 1, AfterSequence = Filled - 1 });
            return page.Records[^1].Record.Sequence;
        }
    }
}
