using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using BranchLedger.Bench;
using BranchLedger.Bench.Rankings;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Periods;
using BranchLedger.Grains.Ledger;
using BranchLedger.Grains.Rankings;

// Ranking freshness and reads on a city of real ledgers (issue: "a recorded meeting shows in the
// rankings within 200 ms p99 locally — measured in a benchmark"). See bench/README.md.

var options = RankingsOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(RankingsOptions.Usage);
    return 2;
}

const double TargetMs = 200;
const double StallMs = 10; // a gap of 10 polls' worth
var root = BranchLedger.LocalPostgres.RepoRoot.Path;
var started = DateTime.UtcNow;
var stamp = started.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
var loadStart = MachineFacts.LoadAverage();
var code = MachineFacts.CodeVersion(root);
var total = Stopwatch.StartNew();

Progress($"starting the rankings bench PostgreSQL (scripts/postgres.sh start, .data/{RankingsOptions.PostgresFolder}, port {RankingsOptions.PostgresPort})");
var postgres = BenchPostgres.Start(RankingsOptions.PostgresFolder, RankingsOptions.PostgresPort);
BenchSilo? silo = null;
RankingsResults results;
try
{
    var db = await postgres.CreateDatabaseAsync(stamp, "rankings");
    Progress("starting the silo (production wiring)");
    silo = await BenchSilo.StartAsync(db, $"bench-{stamp}-rankings", StorageFormat.OrleansBinary);
    var grains = silo.Grains;
    var today = TenantCalendar.Today(DateTimeOffset.UtcNow, "Asia/Shanghai");
    var year = Period.Year(today.Year).ToString();

    // ---------------------------------------------------------------------------------------------
    // The city: tenants, branches with rosters, a year of records each; then wait for the ranking.
    Progress($"city: {options.Tenants} tenants, {options.Branches:N0} branches, a year of records each (AppendBatch)");
    var loading = Stopwatch.StartNew();
    var (branches, records) = await CityLoader.LoadAsync(grains, options.Branches, today, Progress);
    loading.Stop();
    var probe = new RankingProbe(grains);
    var ready = Stopwatch.StartNew();
    var layout = await WaitForCityAsync(probe, year, options.Branches);
    ready.Stop();
    var ranked = await probe.CityCountAsync(layout, year);
    Progress($"city: {records:N0} records in {loading.Elapsed.TotalSeconds:F0} s; the {year} ranking holds {ranked:N0} branches ({ready.Elapsed.TotalSeconds:F1} s later)");

    // ---------------------------------------------------------------------------------------------
    // 1 + 2. Freshness, one write at a time, with the interleaved baselines.
    var random = new Random(20_261_127);
    var shuffled = branches.OrderBy(_ => random.Next()).ToList();
    var sampled = shuffled.Take(options.Samples).ToList();
    var warmups = shuffled.Skip(options.Samples).Take(5).ToList();
    var spare = shuffled.Skip(options.Samples + warmups.Count).ToList();
    var busyCount = spare.Count >= 20 ? Math.Min(options.Samples / 2, spare.Count / 2) : 0;
    var busySampled = spare.Take(busyCount).ToList();
    var backgroundPool = spare.Skip(busyCount).ToList();
    var freshness = new Freshness(grains, probe, layout, today);
    Progress($"freshness: {warmups.Count} warm-up writes (not counted)");
    for (var i = 0; i < warmups.Count; i++)
    {
        await freshness.MeasureAsync(9000 + i, warmups[i], random);
    }

    freshness.CatalogCalls.Clear();
    freshness.ShardCalls.Clear();
    var loadMeasuring = MachineFacts.LoadAverage();
    var pressureMeasuring = CpuWait.Pressure();
    Progress($"freshness: {sampled.Count} samples (load average {loadMeasuring}, CPU pressure {pressureMeasuring})");
    var samples = new List<FreshnessSample>();
    for (var i = 0; i < sampled.Count; i++)
    {
        if (await freshness.MeasureAsync(i + 1, sampled[i], random) is { } sample)
        {
            samples.Add(sample);
        }
        else
        {
            Progress($"freshness: sample {i + 1} ({sampled[i].Tenant}/{sampled[i].Node}) did not show within {Freshness.Timeout.TotalSeconds:F0} s");
        }

        if ((i + 1) % 50 == 0)
        {
            Progress($"freshness: {i + 1} samples, p50 so far {Stats.Of(samples.Select(s => s.VisibleMs)).P50:F1} ms");
        }
    }

    // The round-trip baselines of the quiet samples (the busy ones add their own below, not reported).
    var catalogCalls = freshness.CatalogCalls.ToList();
    var shardCalls = freshness.ShardCalls.ToList();

    // ---------------------------------------------------------------------------------------------
    // 1b. Freshness again while other branches write: the ingress' timer keeps running.
    var busySamples = new List<FreshnessSample>();
    var backgroundRate = 0.0;
    if (busySampled.Count > 0)
    {
        Progress($"freshness while other branches write: {busySampled.Count} samples, one background writer over {backgroundPool.Count} other branches");
        var background = new BackgroundWrites(grains, backgroundPool, today);
        using var stop = new CancellationTokenSource();
        var writing = Stopwatch.StartNew();
        var writer = background.RunAsync(TimeSpan.FromMilliseconds(20), stop.Token);
        await Task.Delay(1000);
        for (var i = 0; i < busySampled.Count; i++)
        {
            if (await freshness.MeasureAsync(5000 + i, busySampled[i], random) is { } sample)
            {
                busySamples.Add(sample);
            }
        }

        await stop.CancelAsync();
        await writer;
        backgroundRate = background.Writes / writing.Elapsed.TotalSeconds;
        Progress($"freshness while other branches write: p50 {Stats.Of(busySamples.Select(s => s.VisibleMs)).P50:F1} ms, {backgroundRate:F0} background writes/s");
    }

    // ---------------------------------------------------------------------------------------------
    // 3. Read throughput of the city top 50.
    var reads = new List<ReadLevel>();
    foreach (var concurrency in new[] { 1, 4, 16 })
    {
        Progress($"reads: city top {ReadThroughput.Top} at concurrency {concurrency} for {options.ReadSeconds:F0} s");
        reads.Add(await ReadThroughput.RunAsync(probe, year, concurrency, TimeSpan.FromSeconds(options.ReadSeconds)));
    }

    var ledgerDebounce = typeof(LedgerGrain).GetField("ScoreDebounce", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) is TimeSpan debounce
        ? debounce.TotalMilliseconds
        : double.NaN;
    // One write at a time finds the ingress idle: it waits only for the first send, not the interval.
    var ingress = RankingIngressGrain.FirstSend.TotalMilliseconds;
    var pgVersion = await MachineFacts.ScalarAsync(db, "SELECT current_setting('server_version')");
    var pgSettings = string.Join(", ", await Task.WhenAll(
        MachineFacts.PostgresSettings.Select(async s => $"{s}={await MachineFacts.ScalarAsync(db, $"SELECT current_setting('{s}')")}")));
    total.Stop();
    results = new RankingsResults
    {
        Run = new RunFacts(
            started.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            options.Quick ? "quick" : "full", Environment.ProcessorCount,
            Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1),
            RuntimeInformation.OSDescription, MachineFacts.CpuModel(), RuntimeInformation.FrameworkDescription, GCSettings.IsServerGC,
            MachineFacts.PackageVersion(typeof(Grain)), MachineFacts.PackageVersion(typeof(Npgsql.NpgsqlConnection)),
            pgVersion, pgSettings, loadStart, loadMeasuring, MachineFacts.LoadAverage(), pressureMeasuring, CpuWait.Pressure(),
            total.Elapsed.TotalSeconds, code),
        City = new CityFacts(options.Tenants, options.Branches, records, loading.Elapsed.TotalSeconds, ready.Elapsed.TotalSeconds,
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), year, layout.RubricVersion, layout.CityShards, ranked),
        Freshness = FreshnessSummary.Of(samples, sampled.Count, TargetMs, StallMs),
        BusyFreshness = busySampled.Count == 0 ? null : FreshnessSummary.Of(busySamples, busySampled.Count, TargetMs, StallMs),
        BackgroundWritesPerSecond = backgroundRate,
        Baselines = new BaselineFacts(
            ledgerDebounce, ingress, ledgerDebounce + ingress,
            Stats.Of(catalogCalls), Stats.Of(shardCalls),
            Stats.Of(samples.Select(s => s.GetScoreYearMs)), Stats.Of(samples.Select(s => s.GetScoreQuarterMs)), Stats.Of(samples.Select(s => s.GetScoreMonthMs))),
        Reads = reads,
        Samples = samples,
        BusySamples = busySamples,
    };
}
finally
{
    if (silo is not null)
    {
        Progress("stopping the silo");
        await silo.DisposeAsync();
    }

    await postgres.FinishAsync(options.KeepDatabases, options.KeepPostgres, Progress);
}

var markdown = RankingsReport.Markdown(results);
Console.WriteLine(markdown);
var outFolder = Path.Combine(root, ".run", "bench");
Directory.CreateDirectory(outFolder);
var baseName = options.Quick ? "rankings-quick" : options.Branches == RankingsOptions.DefaultBranches ? "rankings" : $"rankings-{options.Branches}";
await File.WriteAllTextAsync(Path.Combine(outFolder, baseName + ".md"), markdown);
await File.WriteAllTextAsync(Path.Combine(outFolder, baseName + ".json"), JsonSerializer.Serialize(results, new JsonSerializerOptions
{
    WriteIndented = true,
    PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
}));
Progress($"wrote .run/bench/{baseName}.md and .run/bench/{baseName}.json ({total.Elapsed.TotalSeconds:F0} s)");
return results.Freshness.Visible == results.Freshness.Samples ? 0 : 1;

static void Progress(string message) => Console.Error.WriteLine($"[rankings {DateTime.Now:HH:mm:ss}] {message}");

// Until the serving layout exists and the city ranking of the period holds every branch, then until
// its shards stop changing (the load's last pushes applied), so the samples start from a quiet city.
static async Task<RankingLayout> WaitForCityAsync(RankingProbe probe, string period, int branches)
{
    var deadline = Stopwatch.StartNew();
    RankingLayout? layout = null;
    while (layout is null || await probe.CityCountAsync(layout, period) < branches)
    {
        if (deadline.Elapsed > TimeSpan.FromMinutes(10))
        {
            throw new TimeoutException($"The {period} city ranking did not hold all {branches} branches within 10 minutes.");
        }

        await Task.Delay(200);
        layout = await probe.Catalog.GetServingLayout();
    }

    await RankingPush.FlushAsync(probe.Grains);
    var versions = await probe.CityVersionsAsync(layout, period);
    var quiet = Stopwatch.StartNew();
    while (quiet.Elapsed < TimeSpan.FromSeconds(2) && deadline.Elapsed < TimeSpan.FromMinutes(10))
    {
        await Task.Delay(250);
        var now = await probe.CityVersionsAsync(layout, period);
        if (!now.SequenceEqual(versions))
        {
            versions = now;
            quiet.Restart();
        }
    }

    return layout;
}
