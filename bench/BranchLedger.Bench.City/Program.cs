using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BranchLedger.Bench.City;
using BranchLedger.CityData;

// The city benchmark (issue 8): the real platform as processes, a generated city loaded through the
// gRPC API, every metric next to a baseline from the same run. See bench/README.md and BENCHMARKS.md.

if (args.Length > 0 && args[0] == "--journal")
{
    // The ledger write path against pgbench's same transaction and the old whole-state upsert (issue 18).
    return await JournalBench.RunAsync(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10, m => Console.Error.WriteLine(m));
}

if (args.Length > 0 && args[0] == "--reads")
{
    // The top-50 read against the authenticated trivial call on the same gateway, with h2load (issue 20).
    return await ReadBench.RunAsync(args[1..], m => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {m}"));
}

if (args.Length > 0 && args[0] == "--fault")
{
    // The city on two silos and two gateways, one silo killed during reads and writes (issue 20).
    return await FaultBench.RunAsync(args[1..], m => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {m}"));
}

var options = CityOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(CityOptions.Usage);
    return 2;
}

if (options.RebuildRuns > 0)
{
    // Only the cold rebuild (issue 20, part 3): minutes instead of the whole run's quarter of an hour.
    return await RebuildBench.RunAsync(options, args, m => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {m}"));
}

var started = DateTime.UtcNow;
var total = Stopwatch.StartNew();
var stamp = started.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
var year = DemoCity.Today().Year - 1; // a whole calendar year of records: last year's
var seconds = TimeSpan.FromSeconds(options.Seconds);
var errors = new List<string>();
var loadStart = BranchLedger.Bench.MachineFacts.LoadAverage();

var platform = await CityPlatform.StartAsync(stamp, options.PostgresPort, options.LedgerIdleSeconds, throwaway: options.Mode == "smoke", Progress);
try
{
    var calls = new CityCalls(platform, year);
    var pgbench = new Pgbench(platform.Database);
    var loader = new DemoCityLoader(platform.Directory, platform.Ledger, CityCalls.As, CityCalls.Verifier, parallelTenants: 4);
    var baseMemory = await MemorySample.ReadAsync(platform);
    var scale = new List<ScalePoint>();
    CityStages.MainResults? main = null;
    var loadedTenants = 0;
    long records = 0, cityRecords = 0;
    double loadSeconds = 0, cityLoadSeconds = 0, peerRows = 0, peerSeconds = 0;
    foreach (var point in options.ScalePoints)
    {
        var target = point / options.BranchesPerTenant;
        var stageRecords = 0L;
        var stageSeconds = 0.0;
        foreach (var shape in CityStages.Shapes(options, year, loadedTenants, target))
        {
            Progress($"loading tenants {shape.FirstTenant}–{shape.FirstTenant + shape.Tenants - 1} ({shape.Branches:N0} branches, records from {shape.FirstDay:yyyy-MM-dd}) through ImportRecords");
            var summary = await loader.LoadAsync(DemoCity.Generate(shape));
            errors.AddRange(summary.Problems);
            if (summary.Rejected > 0)
            {
                errors.Add($"{summary.Rejected} rows rejected");
            }

            // In a fresh database a row "already present" is one whose first attempt was retried after
            // a deadline (and had been recorded): it is part of the city all the same.
            var loaded = summary.Created + summary.AlreadyPresent;
            stageRecords += loaded;
            stageSeconds += summary.Elapsed.TotalSeconds;
            Progress($"  {summary}");
            var (rows, copySeconds) = await SqlPeer.LoadAsync(platform.Database, DemoCity.Generate(shape));
            if (shape.From is null)
            {
                cityRecords += loaded;
                cityLoadSeconds += summary.Elapsed.TotalSeconds;
                peerRows += rows;
                peerSeconds += copySeconds;
            }
        }

        loadedTenants = target;
        records += stageRecords;
        loadSeconds += stageSeconds;
        var rankedAfter = await calls.WaitRankedAsync(point, TimeSpan.FromMinutes(30));
        var quiet = await platform.WaitQuietAsync();
        Progress($"{point:N0} branches ranked ({rankedAfter:F1} s after the load), silo quiet {quiet:F0} s later; measuring the scale point");
        scale.Add(await CityStages.ScalePointAsync(platform, calls, pgbench, options, year, point, records, loadSeconds, rankedAfter, baseMemory));
        if (point == options.Branches)
        {
            main = await CityStages.MainAsync(platform, calls, pgbench, options, year, seconds, Progress);
            errors.AddRange(main.Errors);
        }

        // Written after every point from the city's on, so a long --full run that is stopped early
        // still leaves the city's report with the scale points measured so far.
        if (main is not null)
        {
            await WriteAsync();
        }
    }

    async Task WriteAsync()
    {
        var machine = await CityStages.MachineAsync(platform, loadStart);
        var command = "dotnet run -c Release --project bench/BranchLedger.Bench.City --" + (args.Length == 0 ? "" : " " + string.Join(' ', args));
        var results = new CityResults(
            options.Mode, started.ToString("u", CultureInfo.InvariantCulture), total.Elapsed.TotalSeconds, machine, [command],
            options.Tenants, options.Branches, cityRecords, cityLoadSeconds, cityRecords / cityLoadSeconds, peerRows / peerSeconds,
            main!.Writes, main.Upsert, main.Bulk, main.StoredStatePerLedger, main.Reads, main.Freshness, main.RebuildSeconds, main.PeerFullRankingMs,
            scale, [], errors);
        results = results with { Summary = CityReport.Summary(results) };
        var markdown = CityReport.Markdown(results);
        Console.WriteLine(markdown);
        Directory.CreateDirectory(options.OutDir);
        await File.WriteAllTextAsync(Path.Combine(options.OutDir, options.Name + ".md"), markdown);
        await File.WriteAllTextAsync(
            Path.Combine(options.OutDir, options.Name + ".json"),
            JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        Progress($"written {Path.Combine(options.OutDir, options.Name)}.md / .json ({total.Elapsed.TotalSeconds:F0} s)");
    }
}
catch
{
    // A run that stops on an error keeps what the silo and the gateway logged (warnings and errors).
    Directory.CreateDirectory(options.OutDir);
    foreach (var (name, output) in platform.Logs())
    {
        var file = Path.Combine(options.OutDir, $"{options.Name}.{name}.log");
        await File.WriteAllTextAsync(file, output);
        Progress($"{name} log: {file}");
    }

    throw;
}
finally
{
    await platform.DisposeAsync(options.KeepPostgres);
}

// Errors fail the run (rejected rows, a write never visible); speed never does.
foreach (var error in errors.Take(20))
{
    Console.Error.WriteLine($"error: {error}");
}

return errors.Count == 0 ? 0 : 1;

static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
