using System.Diagnostics;
using System.Globalization;
using BranchLedger.Api.V1;
using BranchLedger.CityData;

namespace BranchLedger.Bench.City;

/// <summary>
/// <c>--rebuild-only N</c>: loads the city, waits until it is ranked and its ledgers are collected, then
/// times N cold rebuilds (RebuildRankings → every branch ranked again) against the SQL peer ranking
/// every branch once. The silo logs the rescoring at Information (its phases and how many branches came
/// from stored inputs), and the log is kept next to the report.
/// </summary>
internal static class RebuildBench
{
    public static async Task<int> RunAsync(CityOptions options, string[] args, Action<string> progress)
    {
        var stamp = DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        var year = DemoCity.Today().Year - 1;
        var loadStart = MachineFacts.LoadAverage();
        var levels = new Dictionary<string, string> { ["BranchLedger.Grains.Scoring"] = "Information" };
        var platform = await CityPlatform.StartAsync(stamp, options.PostgresPort, options.LedgerIdleSeconds, throwaway: false, progress, siloLogLevels: levels);
        var lines = new List<string>();
        try
        {
            var calls = new CityCalls(platform, year);
            var loader = new DemoCityLoader(platform.Directory, platform.Ledger, CityCalls.As, CityCalls.Verifier, parallelTenants: 4);
            var shape = new CityShape(options.Tenants, options.BranchesPerTenant, year);
            progress($"loading {options.Branches:N0} branches through ImportRecords");
            var summary = await loader.LoadAsync(DemoCity.Generate(shape));
            progress($"  {summary}");
            await SqlPeer.LoadAsync(platform.Database, DemoCity.Generate(shape));
            var ranked = await calls.WaitRankedAsync(options.Branches, TimeSpan.FromMinutes(30));
            await platform.WaitQuietAsync();
            var idle = await MemorySample.ReadIdleAsync(platform, left: options.Branches / 100, TimeSpan.FromSeconds((options.LedgerIdleSeconds * 3) + 30));
            progress($"ranked {ranked:F1} s after the load; {idle.ActiveLedgers} ledgers still active");

            var peer = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                await MachineFacts.ScalarAsync(platform.Database, $"SELECT count(*) FROM ({SqlPeer.TopQuery(year).Replace("LIMIT 50;", "", StringComparison.Ordinal)}) ranked");
                peer.Add(clock.Elapsed.TotalMilliseconds);
            }

            var peerMs = peer.Order().ElementAt(1);
            for (var run = 1; run <= options.RebuildRuns; run++)
            {
                var load = MachineFacts.LoadAverage();
                var rebuild = Stopwatch.StartNew();
                var status = (await platform.Rubrics.RebuildRankingsAsync(new RebuildRankingsRequest(), CityCalls.Supervisor)).Status;
                while (status.State != RescoringState.Completed)
                {
                    await Task.Delay(100);
                    status = (await platform.Rubrics.GetRescoringStatusAsync(new GetRescoringStatusRequest(), CityCalls.Supervisor)).Status;
                }

                await calls.WaitRankedAsync(options.Branches, TimeSpan.FromMinutes(30));
                rebuild.Stop();
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"rebuild {run}: {rebuild.Elapsed.TotalMilliseconds:F0} ms, SQL peer {peerMs:F1} ms, {rebuild.Elapsed.TotalMilliseconds / peerMs:F2}×; done {status.Done}, failed {status.Failed}; load {load} → {MachineFacts.LoadAverage()}");
                lines.Add(line);
                progress(line);
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            lines.Insert(0, $"city {options.Tenants} × {options.BranchesPerTenant} = {options.Branches:N0} branches, {summary.Created + summary.AlreadyPresent:N0} records; code {MachineFacts.CodeVersion(LocalPostgres.RepoRoot.Path)}; load at start {loadStart}");
            lines.Insert(1, "command: dotnet run -c Release --project bench/BranchLedger.Bench.City -- " + string.Join(' ', args));
            return 0;
        }
        finally
        {
            Directory.CreateDirectory(options.OutDir);
            await File.WriteAllLinesAsync(Path.Combine(options.OutDir, $"{options.Name}-rebuild.txt"), lines);
            foreach (var (name, output) in platform.Logs())
            {
                var file = Path.Combine(options.OutDir, $"{options.Name}-rebuild.{name}.log");
                await File.WriteAllTextAsync(file, output);
                progress($"{name} log: {file}");
            }

            await platform.DisposeAsync(options.KeepPostgres);
        }
    }
}
