using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using BranchLedger.Bench;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Grains.Ledger;
using Orleans.Storage;

// Ledger grain benchmark: state size and write latency as one ledger grows (issue: "A branch with
// 5 years × 500 records stays fast"). See bench/README.md for what every number means.

if (args is ["--scoring"])
{
    return ScoringScenario.Run(m => Console.Error.WriteLine(m));
}

if (args is ["--ranking-memory"])
{
    return RankingMemoryScenario.Run(m => Console.Error.WriteLine(m));
}

if (args is ["--activation"])
{
    return await ActivationScenario.RunAsync(m => Console.Error.WriteLine(m));
}

if (args is ["--journaled"])
{
    return await BranchLedger.Bench.Journaled.JournaledScenario.RunAsync(m => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {m}"));
}

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var root = BranchLedger.LocalPostgres.RepoRoot.Path;
var started = DateTime.UtcNow;
var stamp = started.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
var loadStart = MachineFacts.LoadAverage();
var code = MachineFacts.CodeVersion(root);
var total = Stopwatch.StartNew();

Progress($"starting the bench PostgreSQL (scripts/postgres.sh start, {BenchPostgres.DataFolder}, port {BenchPostgres.Port})");
var postgres = BenchPostgres.Start();
BenchSilo? binarySilo = null;
BenchSilo? jsonSilo = null;
Results results;
try
{
    var mainDb = await postgres.CreateDatabaseAsync(stamp, "binary");
    var jsonDb = await postgres.CreateDatabaseAsync(stamp, "json");
    await Baseline.CreateTableAsync(mainDb);

    Progress("starting the silo (production wiring, OrleansGrainStorageSerializer)");
    binarySilo = await BenchSilo.StartAsync(mainDb, $"bench-{stamp}-binary", StorageFormat.OrleansBinary);
    var grains = binarySilo.Grains;
    await BenchDirectory.RegisterAsync(grains, "warmup", "branch-single", "branch-batch-100", "branch-batch-500", "branch-serializer");
    Require(binarySilo.LedgerSerializer is OrleansGrainStorageSerializer, "the production silo does not use OrleansGrainStorageSerializer");

    var n = options.Records;
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    DateOnly DateOf(int i, int count) => today.AddDays(-(int)Math.Round((count - i) * 1825.0 / count));

    // Warm-up (JIT, connection pools, the grain type's first activation), on its own ledger.
    var warmFactory = new RecordFactory(7, options.Evidence);
    var warm = grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(BenchDirectory.Tenant, "warmup"));
    for (var i = 1; i <= 50; i++)
    {
        await warm.Append(warmFactory.Next($"warm-{i:D6}", DateOf(i, 50), i));
    }

    await warm.AppendBatch([.. Enumerable.Range(51, 20).Select(i => warmFactory.Next($"warm-{i:D6}", today, i))]);
    var floorPayload = new byte[64];
    Random.Shared.NextBytes(floorPayload);
    var baselineFloor = Summary.Of(await Baseline.UpsertAsync(mainDb, "floor", floorPayload, 100));

    // ---------------------------------------------------------------------------------------------
    // A. Single appends as the ledger grows.
    Progress($"A: {n:N0} single appends to one ledger");
    var factory = new RecordFactory(20_250_101, options.Evidence);
    var keyA = GrainKeys.Ledger(BenchDirectory.Tenant, "branch-single");
    var ledgerA = grains.GetGrain<ILedgerGrain>(keyA);
    var latencyA = new double[n];
    var recordsA = new List<LedgerRecord>(n);
    var buckets = new List<BucketResult>();
    var windows = new List<WindowResult>();
    var sizes = new List<SizeCheckpoint>();
    var bucketStarts = new[] { 1, 501, 1201, n - 99 }.Where(s => s >= 1 && s + 99 <= n).Distinct().Order().ToArray();
    var sizeAt = new[] { 100, 500, 1000, 2500, n }.Where(c => c <= n).Distinct().Order().ToHashSet();
    var gcPauseBefore = GC.GetTotalPauseDuration();
    var windowStart = 1;
    var walAtWindowStart = await Database.WalPositionAsync(mainDb);
    for (var i = 1; i <= n; i++)
    {
        var command = factory.Next($"single-{i:D6}", DateOf(i, n), i);
        var start = Stopwatch.GetTimestamp();
        var written = await ledgerA.Append(command);
        latencyA[i - 1] = Clock.Ms(start);
        Require(!written.Replayed && written.Record.Sequence == i, $"append {i} was not recorded as record {i}");
        recordsA.Add(written.Record);

        if (i % 100 != 0 && i != n)
        {
            continue;
        }

        var wal = await Database.WalPositionAsync(mainDb);
        var stored = await Database.StateAsync(mainDb, keyA);
        var window = latencyA[(windowStart - 1)..i];
        windows.Add(new WindowResult(windowStart, i, Summary.Of(window), stored.Length, stored.StoredBytes, (wal - walAtWindowStart) / window.Length));
        if (sizeAt.Contains(i))
        {
            sizes.Add(new SizeCheckpoint(i, stored.Length, stored.StoredBytes, (double)stored.Length / i, (double)stored.StoredBytes / i));
        }

        if (bucketStarts.FirstOrDefault(s => s + 99 == i) is var from and > 0)
        {
            // The baseline right after the bucket, at the size it ended with, same number of writes.
            var payload = await Database.PayloadAsync(mainDb, keyA);
            var baseline = Summary.Of(await Baseline.UpsertAsync(mainDb, $"size-{i}", payload, 100));
            var grain = Summary.Of(latencyA[(from - 1)..i]);
            buckets.Add(new BucketResult(from, i, grain, stored.Length, stored.StoredBytes, baseline,
                grain.Median / baseline.Median, grain.P95 / baseline.P95, grain.Median - baseline.Median,
                (wal - walAtWindowStart) / window.Length));
            Progress($"A: {i:N0} records, payload {stored.Length:N0} B, median {grain.Median:F1} ms (baseline {baseline.Median:F1} ms)");
        }

        windowStart = i + 1;
        walAtWindowStart = await Database.WalPositionAsync(mainDb);
    }

    var gcPauseA = (GC.GetTotalPauseDuration() - gcPauseBefore).TotalMilliseconds;

    // ---------------------------------------------------------------------------------------------
    // B. The same number of records in batches (one durable write per batch).
    var batches = new List<BatchResult>
    {
        new("single appends (A)", 1, n, latencyA.Sum() / 1000, n / (latencyA.Sum() / 1000), Summary.Of(latencyA), latencyA[0], latencyA[^1],
            sizes[^1].PayloadBytes, 1),
    };
    foreach (var batchSize in new[] { 100, 500 })
    {
        Progress($"B: {n:N0} records in batches of {batchSize}");
        var batchFactory = new RecordFactory(20_250_101, options.Evidence);
        var key = GrainKeys.Ledger(BenchDirectory.Tenant, $"branch-batch-{batchSize}");
        var ledger = grains.GetGrain<ILedgerGrain>(key);
        var chunks = Enumerable.Range(1, n)
            .Select(i => batchFactory.Next($"batch-{i:D6}", DateOf(i, n), i))
            .Chunk(batchSize)
            .ToList();
        var latency = new List<double>(chunks.Count);
        var wall = Stopwatch.StartNew();
        foreach (var chunk in chunks)
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = await ledger.AppendBatch(chunk);
            latency.Add(Clock.Ms(start));
            Require(outcome.All(r => r.Outcome == ImportOutcome.Accepted), "a batch row was not accepted");
        }

        wall.Stop();
        var stored = await Database.StateAsync(mainDb, key);
        batches.Add(new BatchResult($"batches of {batchSize}", batchSize, chunks.Count, wall.Elapsed.TotalSeconds,
            n / wall.Elapsed.TotalSeconds, Summary.Of(latency), latency[0], latency[^1], stored.Length,
            latencyA.Sum() / 1000 / wall.Elapsed.TotalSeconds));
    }

    // ---------------------------------------------------------------------------------------------
    // D. Sealing the finished years of the ledger the 500-batches filled.
    Progress($"D: {SealScenario.Appends} appends, seal through {today.Year - 1}, {SealScenario.Appends} appends");
    var seal = await SealScenario.RunAsync(grains, mainDb, "branch-batch-500", new RecordFactory(42, options.Evidence), today);

    // ---------------------------------------------------------------------------------------------
    // C. Serializers: the production silo and a JSON silo side by side, same records, interleaved.
    var m = options.CompareAt;
    Progress($"C: starting a second silo with JsonGrainStorageSerializer; {m:N0} interleaved appends on each");
    var jsonHost = jsonSilo = await BenchSilo.StartAsync(jsonDb, $"bench-{stamp}-json", StorageFormat.NewtonsoftJson);
    Require(jsonHost.LedgerSerializer is JsonGrainStorageSerializer, "the JSON silo does not use JsonGrainStorageSerializer");
    await BenchDirectory.RegisterAsync(jsonHost.Grains, "warmup", "branch-serializer");
    var warmJson = jsonHost.Grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(BenchDirectory.Tenant, "warmup"));
    var warmJsonFactory = new RecordFactory(7, options.Evidence);
    for (var i = 1; i <= 50; i++)
    {
        await warmJson.Append(warmJsonFactory.Next($"warm-{i:D6}", DateOf(i, 50), i));
    }

    var binarySerializer = BenchSilo.BinarySerializer(binarySilo.Services);
    var jsonSerializer = BenchSilo.JsonSerializer(binarySilo.Services);
    var contenders = new[]
    {
        (Name: "OrleansGrainStorageSerializer (binary, production)", Silo: binarySilo, Db: mainDb, Serializer: (IGrainStorageSerializer)binarySerializer),
        (Name: "JsonGrainStorageSerializer (Newtonsoft, $type names; Orleans default)", Silo: jsonHost, Db: jsonDb, Serializer: jsonHost.LedgerSerializer),
    };
    var keyC = GrainKeys.Ledger(BenchDirectory.Tenant, "branch-serializer");
    var ledgersC = contenders.Select(c => c.Silo.Grains.GetGrain<ILedgerGrain>(keyC)).ToArray();
    var factoriesC = contenders.Select(_ => new RecordFactory(20_250_101, options.Evidence)).ToArray();
    var latencyC = contenders.Select(_ => new double[m]).ToArray();
    for (var i = 1; i <= m; i++)
    {
        // Alternate who goes first, so neither serializer always follows the other's write.
        for (var k = 0; k < contenders.Length; k++)
        {
            var c = (k + i) % contenders.Length;
            var command = factoriesC[c].Next($"single-{i:D6}", DateOf(i, m), i);
            var start = Stopwatch.GetTimestamp();
            await ledgersC[c].Append(command);
            latencyC[c][i - 1] = Clock.Ms(start);
        }
    }

    var serializers = new List<SerializerResult>();
    for (var c = 0; c < contenders.Length; c++)
    {
        var (name, silo, db, serializer) = contenders[c];
        var stored = await Database.StateAsync(db, keyC);
        var payload = await Database.PayloadAsync(db, keyC);
        string roundTrip;
        try
        {
            var state = serializer.Deserialize<LedgerState>(new BinaryData(payload)) ?? new LedgerState();
            roundTrip = state.Records.Count == m && state.Records[^1].RequestId == $"single-{m:D6}" && state.Records[^1].Body is not null
                ? $"ok ({state.Records.Count:N0} records read back)"
                : $"MISMATCH ({state.Records.Count:N0} records read back)";
        }
        catch (Exception ex)
        {
            roundTrip = $"FAILED: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
        }

        var atM = new LedgerState { Records = recordsA.Take(m).ToList() };
        var bytes = serializer.Serialize(atM);
        serializers.Add(new SerializerResult(name, silo.LedgerSerializer.GetType().Name, m, stored.Length, stored.StoredBytes,
            (double)stored.Length / m, Summary.Of(latencyC[c][Math.Max(0, m - 100)..]), Summary.Of(latencyC[c]),
            Clock.MedianMs(20, () => serializer.Serialize(atM)), Clock.MedianMs(20, () => serializer.Deserialize<LedgerState>(bytes)),
            roundTrip));
    }

    // ---------------------------------------------------------------------------------------------
    // CPU inside an append (no I/O): serializing the whole state and re-projecting corrections.
    Progress("CPU: serializer and projection costs");
    var cpu = new List<CpuCost>();
    foreach (var count in new[] { 100, options.CompareAt, n }.Distinct().Order())
    {
        var state = new LedgerState { Records = recordsA.Take(count).ToList() };
        var binary = binarySerializer.Serialize(state);
        var json = jsonSerializer.Serialize(state);
        var entries = state.Records.Select(r => new Corrections.Entry(r.Sequence, null, false, r.Body.Family)).ToList();
        var iterations = count >= 1000 ? 20 : 50;
        cpu.Add(new CpuCost(count,
            Clock.MedianMs(iterations, () => binarySerializer.Serialize(state)),
            Clock.MedianMs(iterations, () => binarySerializer.Deserialize<LedgerState>(binary)),
            Clock.MedianMs(iterations, () => jsonSerializer.Serialize(state)),
            Clock.MedianMs(iterations, () => jsonSerializer.Deserialize<LedgerState>(json)),
            Clock.MedianMs(iterations, () => Corrections.Project(entries))));
    }

    var pgVersion = await MachineFacts.ScalarAsync(mainDb, "SELECT current_setting('server_version')");
    var pgSettings = string.Join(", ", await Task.WhenAll(
        MachineFacts.PostgresSettings.Select(async s => $"{s}={await MachineFacts.ScalarAsync(mainDb, $"SELECT current_setting('{s}')")}")));
    total.Stop();
    results = new Results
    {
        Run = new RunFacts(
            started.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            options.Quick ? "quick" : "full", n, m, Environment.ProcessorCount,
            Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1),
            RuntimeInformation.OSDescription, MachineFacts.CpuModel(), RuntimeInformation.FrameworkDescription, GCSettings.IsServerGC,
            MachineFacts.PackageVersion(typeof(Grain)), MachineFacts.PackageVersion(typeof(Npgsql.NpgsqlConnection)),
            pgVersion, pgSettings, loadStart, MachineFacts.LoadAverage(), Math.Round(total.Elapsed.TotalSeconds, 1), code),
        Workload = new Workload(factory.Meetings, factory.Talks, (double)factory.TopicChars / n, (double)factory.NotesChars / n,
            factory.WithEvidence, options.Evidence),
        BaselineFloor = baselineFloor,
        Buckets = buckets,
        Windows = windows,
        Sizes = sizes,
        Batches = batches,
        Serializers = serializers,
        CpuCosts = cpu,
        Seal = seal,
        GcPauseMsScenarioA = Math.Round(gcPauseA, 1),
    };
}
finally
{
    Progress("stopping the silos");
    if (jsonSilo is not null)
    {
        await jsonSilo.DisposeAsync();
    }

    if (binarySilo is not null)
    {
        await binarySilo.DisposeAsync();
    }

    await postgres.FinishAsync(options.KeepDatabases, options.KeepPostgres, Progress);
}

var markdown = Report.Markdown(results);
Console.WriteLine(markdown);
var outFolder = Path.Combine(root, ".run", "bench");
Directory.CreateDirectory(outFolder);
var baseName = options.Quick ? "ledger-state-quick" : options.Records == BenchOptions.DefaultRecords ? "ledger-state" : $"ledger-state-{options.Records}";
await File.WriteAllTextAsync(Path.Combine(outFolder, baseName + ".md"), markdown);
await File.WriteAllTextAsync(Path.Combine(outFolder, baseName + ".json"), JsonSerializer.Serialize(results, JsonOptions.Value));
Progress($"wrote .run/bench/{baseName}.md and .run/bench/{baseName}.json ({total.Elapsed.TotalSeconds:F0} s)");
return 0;

static void Progress(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");

static void Require(bool condition, string message)
{
    if (!condition)
    {
        throw new InvalidOperationException(message);
    }
}

namespace BranchLedger.Bench
{
    internal sealed record BenchOptions(int Records, int CompareAt, bool Quick, bool Evidence, bool KeepDatabases, bool KeepPostgres)
    {
        public const int DefaultRecords = 2500;
        public const int QuickRecords = 300;

        public const string Usage = """
            usage: dotnet run -c Release --project bench/BranchLedger.Bench -- [options]
              --records N       records per ledger (default 2500 = 5 years x 500; at least 100)
              --quick           300 records, for CI smoke runs (under a minute)
              --compare-at N    ledger length of the serializer comparison (default min(1000, records))
              --no-evidence     records without evidence references (default: every 4th record has one)
              --keep-db         keep the bench databases (default: dropped at the end)
              --keep-postgres   leave the bench PostgreSQL running (default: stopped if this run started it)
            """;

        public static BenchOptions? Parse(string[] args)
        {
            int? records = null;
            int? compareAt = null;
            bool quick = false, evidence = true, keepDb = false, keepPg = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--records" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r >= 100:
                        records = r;
                        i++;
                        break;
                    case "--compare-at" when i + 1 < args.Length && int.TryParse(args[i + 1], out var c) && c >= 100:
                        compareAt = c;
                        i++;
                        break;
                    case "--quick":
                        quick = true;
                        break;
                    case "--no-evidence":
                        evidence = false;
                        break;
                    case "--keep-db":
                        keepDb = true;
                        break;
                    case "--keep-postgres":
                        keepPg = true;
                        break;
                    default:
                        return null;
                }
            }

            var n = records ?? (quick ? QuickRecords : DefaultRecords);
            return new BenchOptions(n, Math.Min(compareAt ?? 1000, n), quick, evidence, keepDb, keepPg);
        }
    }

    internal static class JsonOptions
    {
        public static readonly JsonSerializerOptions Value = new()
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
    }
}
