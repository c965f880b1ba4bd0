using System.Diagnostics;
using System.Globalization;
using System.Text;
using BranchLedger.Api.V1;
using BranchLedger.Bench.Rankings;
using BranchLedger.CityData;
using Google.Protobuf;

namespace BranchLedger.Bench.City;

/// <summary>
/// <c>--reads</c> (issue 20): the city top 50 (<c>RankingService.ListTopBranches</c>) against the
/// authenticated trivial call (<c>AccessService.GetCaller</c>) on the same gateway, with the same
/// token, at c = 1 and c = 64. The load generator is h2load (nghttp2, C, one thread, one HTTP/2
/// connection per client: c = 1 is 1 connection × 1 stream, c = 64 is 4 connections × 16 streams),
/// so the .NET client's own cost is not in the numbers. The two calls alternate, round after round,
/// so both see the same noise; the ratio is reads/s ÷ trivial calls/s per round, and its median.
/// </summary>
internal static class ReadBench
{
    private const string TopPath = "/branchledger.v1.RankingService/ListTopBranches";
    private const string CallerPath = "/branchledger.v1.AccessService/GetCaller";

    public static async Task<int> RunAsync(string[] args, Action<string> progress)
    {
        var seconds = 5.0;
        var rounds = 3;
        int tenants = 5, perTenant = 200;
        var hold = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--tenants": tenants = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--branches-per-tenant": perTenant = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--hold": hold = true; break; // print the gateway's pid and wait before measuring (to attach a profiler)
                default:
                    Console.Error.WriteLine("usage: --reads [--seconds S] [--rounds R] [--tenants N] [--branches-per-tenant M] [--hold]");
                    return 2;
            }
        }

        var h2load = H2loadPath();
        var stamp = DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        var year = DemoCity.Today().Year - 1;
        var loadStart = MachineFacts.LoadAverage();
        await using var platform = await CityPlatform.StartAsync(stamp, CityOptions.DefaultPostgresPort + 2, 600, throwaway: true, progress);
        var calls = new CityCalls(platform, year);
        var loader = new DemoCityLoader(platform.Directory, platform.Ledger, CityCalls.As, CityCalls.Verifier, parallelTenants: 4);
        progress($"loading {tenants} tenants × {perTenant} branches (a year each) through ImportRecords");
        Console.Error.WriteLine(await loader.LoadAsync(DemoCity.Generate(new CityShape(tenants, perTenant, year))));
        await calls.WaitRankedAsync(tenants * perTenant, TimeSpan.FromMinutes(10));
        progress($"ranked; the silo was quiet after {await platform.WaitQuietAsync():0} s");

        // The same token for both calls: a city supervisor's, as a real client holds it.
        var token = CityCalls.Supervisor.Get("authorization")!.Value;
        var top = new ListTopBranchesRequest { Scope = RankingScope.City, Period = calls.Period, PageSize = 50 };
        var topAnswer = await platform.Rankings.ListTopBranchesAsync(top, CityCalls.Supervisor);
        var callerAnswer = await new AccessService.AccessServiceClient(platform.Channel).GetCallerAsync(new GetCallerRequest(), CityCalls.Supervisor);
        if (topAnswer.Branches.Count != 50)
        {
            throw new InvalidOperationException($"The top 50 holds {topAnswer.Branches.Count} rows.");
        }

        var work = Directory.CreateTempSubdirectory("branchledger-h2load-");
        try
        {
            var topBody = Frame(work.FullName, "top.bin", top);
            var callerBody = Frame(work.FullName, "caller.bin", new GetCallerRequest());
            var url = $"http://127.0.0.1:{platform.GrpcPort.ToString(CultureInfo.InvariantCulture)}";
            if (hold)
            {
                progress($"gateway pid {platform.GatewayProcessId}, silo pid {platform.SiloProcessId}; measuring starts in 20 s");
                await Task.Delay(TimeSpan.FromSeconds(20));
            }

            var levels = new[] { (C: 1, Connections: 1, Streams: 1), (C: 64, Connections: 4, Streams: 16) };
            var results = new List<(int C, int Round, Run Top, Run Caller)>();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var level in levels)
                {
                    // Alternate which goes first, so neither always runs right after the other.
                    Run a, b;
                    if (round % 2 == 1)
                    {
                        a = await RunH2loadAsync(h2load, work.FullName, url + TopPath, topBody, token, level.Connections, level.Streams, seconds, topAnswer.CalculateSize());
                        b = await RunH2loadAsync(h2load, work.FullName, url + CallerPath, callerBody, token, level.Connections, level.Streams, seconds, callerAnswer.CalculateSize());
                    }
                    else
                    {
                        b = await RunH2loadAsync(h2load, work.FullName, url + CallerPath, callerBody, token, level.Connections, level.Streams, seconds, callerAnswer.CalculateSize());
                        a = await RunH2loadAsync(h2load, work.FullName, url + TopPath, topBody, token, level.Connections, level.Streams, seconds, topAnswer.CalculateSize());
                    }

                    results.Add((level.C, round, a, b));
                    progress($"round {round}, c={level.C}: top-50 {a.PerSecond:N0}/s (p50 {a.Latency.P50:0.00} ms, p99 {a.Latency.P99:0.00} ms), "
                        + $"GetCaller {b.PerSecond:N0}/s (p50 {b.Latency.P50:0.00} ms, p99 {b.Latency.P99:0.00} ms): {a.PerSecond / b.PerSecond:0.00}×");
                }
            }

            var report = Report(results, seconds, rounds, tenants * perTenant, topAnswer.CalculateSize(), await CityStages.MachineAsync(platform, loadStart));
            Console.WriteLine(report);
            var outDir = Path.Combine(LocalPostgres.RepoRoot.Path, ".run", "bench");
            Directory.CreateDirectory(outDir);
            await File.WriteAllTextAsync(Path.Combine(outDir, "reads.md"), report);
            progress($"written {Path.Combine(outDir, "reads.md")}");
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>One h2load run: rate over the measured time, latency of each request from its log.</summary>
    private sealed record Run(double PerSecond, int Requests, Stats Latency, double BytesPerResponse);

    private static string Report(List<(int C, int Round, Run Top, Run Caller)> results, double seconds, int rounds, int branches, int topBytes, IReadOnlyDictionary<string, string> machine)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"### Top-50 read vs the authenticated trivial call — {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z, code {MachineFacts.CodeVersion(LocalPostgres.RepoRoot.Path)}");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{branches:N0} branches (a year of records each); one gateway; h2load {H2loadVersion()} (one thread), {seconds:0} s per run after 1 s of warm-up, {rounds} rounds, the two calls alternating; the top 50's answer is {topBytes:N0} bytes.");
        s.AppendLine();
        s.AppendLine("| c | round | ListTopBranches (top 50)/s | p50 ms | p99 ms | GetCaller/s | p50 ms | p99 ms | ratio |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results.OrderBy(r => r.C).ThenBy(r => r.Round))
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.C} | {r.Round} | {r.Top.PerSecond:N0} | {r.Top.Latency.P50:0.00} | {r.Top.Latency.P99:0.00} | {r.Caller.PerSecond:N0} | {r.Caller.Latency.P50:0.00} | {r.Caller.Latency.P99:0.00} | {r.Top.PerSecond / r.Caller.PerSecond:0.00}× |");
        }

        s.AppendLine();
        s.AppendLine("| c | median ratio (reads/s ÷ trivial calls/s) | median top-50 p50 / p99 ms | median GetCaller p50 / p99 ms |");
        s.AppendLine("|---:|---:|---:|---:|");
        foreach (var level in results.GroupBy(r => r.C))
        {
            static double Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToList();
                return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            }

            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {level.Key} | **{Median(level.Select(r => r.Top.PerSecond / r.Caller.PerSecond)):0.00}×** | {Median(level.Select(r => r.Top.Latency.P50)):0.00} / {Median(level.Select(r => r.Top.Latency.P99)):0.00} | {Median(level.Select(r => r.Caller.Latency.P50)):0.00} / {Median(level.Select(r => r.Caller.Latency.P99)):0.00} |");
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine["cpu"]}, load average {machine["load average (start → end)"]}; h2load, the gateway, the silo and PostgreSQL share it.");
        return s.ToString();
    }

    // A gRPC message as h2load sends it: a 5-byte prefix (not compressed, big-endian length), then the message.
    private static string Frame(string dir, string name, IMessage message)
    {
        var bytes = message.ToByteArray();
        var framed = new byte[5 + bytes.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1), bytes.Length);
        bytes.CopyTo(framed, 5);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, framed);
        return path;
    }

    private static async Task<Run> RunH2loadAsync(string h2load, string dir, string url, string body, string token, int connections, int streams, double seconds, int answerBytes)
    {
        var log = Path.Combine(dir, $"log-{Guid.NewGuid():N}.tsv");
        var info = new ProcessStartInfo(h2load) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "-c", connections.ToString(CultureInfo.InvariantCulture), "-m", streams.ToString(CultureInfo.InvariantCulture), "-t", "1",
            "-D", seconds.ToString(CultureInfo.InvariantCulture), "--warm-up-time", "1",
            "-d", body, "-H", "content-type: application/grpc", "-H", "te: trailers", "-H", "authorization: " + token,
            "--log-file", log, url,
        })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"h2load failed: {stdout}{await process.StandardError.ReadToEndAsync()}");
        }

        // "finished in 5.00s, 1234.56 req/s, ..." and "requests: N total, N started, N done, N succeeded, N failed, N errored, N timeout"
        var perSecond = double.Parse(Match(stdout, @"finished in [\d.]+s, ([\d.]+) req/s"), CultureInfo.InvariantCulture);
        var done = long.Parse(Match(stdout, @"requests: \d+ total, \d+ started, (\d+) done"), CultureInfo.InvariantCulture);
        var succeeded = long.Parse(Match(stdout, @"requests: .* (\d+) succeeded"), CultureInfo.InvariantCulture);
        // gRPC answers errors with HTTP 200 and a status in the trailers, and no message: check that
        // every response carried its message's bytes (traffic's "data" = DATA frame payloads).
        var dataBytes = double.Parse(Match(stdout, @"traffic: .*\((\d+)\) data"), CultureInfo.InvariantCulture);
        var perResponse = dataBytes / Math.Max(1, done);
        if (succeeded != done || done == 0 || perResponse < answerBytes + 5)
        {
            throw new InvalidOperationException($"Not every answer to {url} was the message ({perResponse:0} bytes a response, expected {answerBytes + 5}): {stdout}");
        }

        // Log rows: start (µs since the epoch), HTTP status, µs to the end of the response. Warm-up rows are left out.
        var rows = File.ReadLines(log).Select(l => l.Split('\t')).Where(p => p.Length >= 3)
            .Select(p => (Start: long.Parse(p[0], CultureInfo.InvariantCulture), Micros: long.Parse(p[2], CultureInfo.InvariantCulture))).ToList();
        var first = rows.Min(r => r.Start);
        var measured = rows.Where(r => r.Start >= first + 1_000_000).Select(r => r.Micros / 1000.0).ToList();
        return new Run(perSecond, (int)done, Stats.Of(measured), perResponse);
    }

    private static string Match(string text, string pattern) =>
        System.Text.RegularExpressions.Regex.Match(text, pattern) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"h2load's output has no '{pattern}': {text}");

    private static string H2loadPath()
    {
        var script = Path.Combine(LocalPostgres.RepoRoot.Path, "scripts", "bench-deps.sh");
        var info = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var path = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 && File.Exists(path) ? path : throw new FileNotFoundException("h2load is needed: run scripts/bench-deps.sh (Debian: apt-get install -y nghttp2-client).");
    }

    private static string H2loadVersion()
    {
        var info = new ProcessStartInfo("h2load", ["--version"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return version.Replace("h2load ", "", StringComparison.Ordinal);
    }
}
