using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using BranchLedger.Api.V1;
using BranchLedger.Bench.Rankings;
using BranchLedger.CityData;
using Grpc.Core;
using Npgsql;

namespace BranchLedger.Bench.City;

/// <summary>
/// <c>--fault</c> (issue 20, part 5): the city on two silos and two gateways (ADO.NET clustering on
/// PostgreSQL), top-50 reads through both gateways and writes through both, one silo killed (SIGKILL)
/// in the middle. Measured: reads answered and failed per gateway through the outage, the write
/// recovery, when the membership table shows the silo dead, when the ranking repair ended, and when
/// both gateways' whole city ranking equals a brute-force ranking of every branch's own score (each
/// ledger's <c>GetScore</c>, computed from its records). Exits 1 when a read failed, an acknowledged
/// write is missing, or the ranking did not converge within 10 minutes.
/// </summary>
internal static class FaultBench
{
    private static readonly TimeSpan ConvergeWithin = TimeSpan.FromMinutes(10);
    private static readonly int[] Gateways = [0, 1];

    public static async Task<int> RunAsync(string[] args, Action<string> progress)
    {
        int tenants = 50, perTenant = 200, writers = 8, readersPerGateway = 2;
        double before = 20, after = 40;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--tenants": tenants = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--branches-per-tenant": perTenant = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--before": before = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--after": after = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: --fault [--tenants N] [--branches-per-tenant M] [--before S] [--after S]");
                    return 2;
            }
        }

        var stamp = DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        var year = DemoCity.Today().Year - 1;
        var period = DemoCity.Today().Year.ToString(CultureInfo.InvariantCulture); // writes go to this year's months, so each changes a score
        var loadStart = MachineFacts.LoadAverage();
        var errors = new List<string>();
        await using var platform = await CityPlatform.StartAsync(stamp, CityOptions.DefaultPostgresPort + 3, 600, throwaway: true, progress, silos: 2, gateways: 2);
        var processes = platform.Processes;
        var calls = new CityCalls(platform, year);
        var loader = new DemoCityLoader(platform.Directory, platform.Ledger, CityCalls.As, CityCalls.Verifier, parallelTenants: 4);
        progress($"loading {tenants} tenants × {perTenant} branches (last year's records) through ImportRecords");
        var summary = await loader.LoadAsync(DemoCity.Generate(new CityShape(tenants, perTenant, year)));
        Console.Error.WriteLine(summary);
        var branches = Enumerable.Range(0, tenants).SelectMany(t => Enumerable.Range(0, perTenant).Select(b => (Tenant: CityShape.TenantId(t), Node: $"b{b:D5}"))).ToList();
        await calls.WaitRankedAsync(branches.Count, TimeSpan.FromMinutes(30));
        progress($"{branches.Count:N0} branches ranked; the silo was quiet after {await platform.WaitQuietAsync():0} s");

        var rankings = new[] { new RankingService.RankingServiceClient(processes.Channel(0)), new RankingService.RankingServiceClient(processes.Channel(1)) };
        var ledgers = new[] { new LedgerService.LedgerServiceClient(processes.Channel(0)), new LedgerService.LedgerServiceClient(processes.Channel(1)) };
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var reads = new ConcurrentBag<(int Gateway, double At, double Ms, string? Error)>();
        var readers = Task.WhenAll(
            from gateway in Gateways
            from reader in Enumerable.Range(0, readersPerGateway)
            select Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var at = clock.Elapsed.TotalSeconds;
                    try
                    {
                        var top = await rankings[gateway].ListTopBranchesAsync(
                            new ListTopBranchesRequest { Scope = RankingScope.City, Period = period, PageSize = 50 }, CityCalls.Supervisor, DateTime.UtcNow.AddSeconds(10));
                        reads.Add((gateway, at, (clock.Elapsed.TotalSeconds - at) * 1000, top.Branches.Count == 50 ? null : $"{top.Branches.Count} rows"));
                    }
                    catch (RpcException ex)
                    {
                        reads.Add((gateway, at, (clock.Elapsed.TotalSeconds - at) * 1000, ex.StatusCode.ToString()));
                    }
                }
            }));

        // Writers: each write is a meeting of a kind and month of this year its branch has not held, so
        // it changes the branch's score; retried with the same request id until acknowledged.
        var acknowledged = new ConcurrentDictionary<string, (string Tenant, string Node, double SentAt, double AckedAt)>();
        var retries = new ConcurrentDictionary<StatusCode, int>();
        var written = new ConcurrentDictionary<(string, string), int>();
        var random = new Random(20);
        var targets = branches.OrderBy(_ => random.Next()).Take(Math.Min(branches.Count, 400)).ToList();
        using var stopWriting = new CancellationTokenSource();
        var writing = Task.WhenAll(Enumerable.Range(0, writers).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stopWriting.IsCancellationRequested; n++)
            {
                var (tenant, node) = targets[(worker + (n * writers)) % targets.Count];
                var k = written.AddOrUpdate((tenant, node), 0, (_, x) => x + 1);
                var themeDay = (k / 11) % 2 == 1;
                var id = $"fault:{worker}:{n}";
                var request = new RecordMeetingRequest
                {
                    NodeId = node, RequestId = id,
                    Meeting = new Meeting
                    {
                        Kind = themeDay ? MeetingKind.ThemeDay : MeetingKind.BranchCommitteeMeeting,
                        Date = new Google.Type.Date { Year = int.Parse(period, CultureInfo.InvariantCulture), Month = 1 + (k % 11), Day = 12 },
                        Topic = themeDay ? "主题党日：重温入党誓词" : "支委会：研究部署党建工作", Attendees = 3, ExpectedAttendees = 3, FirstAgendaItem = true,
                    },
                };
                var sent = clock.Elapsed.TotalSeconds;
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await ledgers[worker % 2].RecordMeetingAsync(request, CityCalls.As(tenant), DateTime.UtcNow.AddSeconds(10));
                        acknowledged[id] = (tenant, node, sent, clock.Elapsed.TotalSeconds);
                        break;
                    }
                    catch (RpcException ex) when (attempt < 40)
                    {
                        retries.AddOrUpdate(ex.StatusCode, 1, (_, x) => x + 1);
                        await Task.Delay(250);
                    }
                }
            }
        })));

        await Task.Delay(TimeSpan.FromSeconds(before));
        var ackedBefore = acknowledged.Count;
        var victimPort = processes.SiloPort(1);
        progress($"{ackedBefore} writes acknowledged; killing silo 1 (port {victimPort}) with SIGKILL");
        await processes.Silos[1].KillAsync();
        var killedAt = clock.Elapsed.TotalSeconds;
        var deadAt = await WaitDeadAsync(platform.Database, processes.ClusterId, victimPort, clock);
        progress($"the membership table shows the silo Dead {deadAt - killedAt:0.0} s after the kill");
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, killedAt + after - clock.Elapsed.TotalSeconds)));
        await stopWriting.CancelAsync();
        await writing;
        var writesAfterKill = acknowledged.Values.Where(a => a.SentAt >= killedAt).ToList();
        var firstAfter = writesAfterKill.Count == 0 ? double.NaN : writesAfterKill.Min(a => a.AckedAt) - killedAt;
        progress($"writes stopped: {acknowledged.Count} acknowledged ({writesAfterKill.Count} sent after the kill), retries {string.Join(", ", retries.Select(r => $"{r.Key} {r.Value}"))}");

        // Every acknowledged write is stored (read back from the written branches' ledgers).
        var missing = await MissingAsync(ledgers[0], acknowledged);
        if (missing.Count > 0)
        {
            errors.Add($"{missing.Count} acknowledged writes are missing, e.g. {string.Join(", ", missing.Take(5))}");
        }

        progress("brute force: every branch's own score for " + period);
        var expected = await BruteForceAsync(ledgers[0], branches, period);
        double convergedAt = double.NaN;
        string difference = "";
        while (clock.Elapsed.TotalSeconds - killedAt < ConvergeWithin.TotalSeconds)
        {
            var city0 = await CityRankingAsync(rankings[0], period);
            var city1 = await CityRankingAsync(rankings[1], period);
            if (city0.SequenceEqual(expected) && city1.SequenceEqual(expected))
            {
                convergedAt = clock.Elapsed.TotalSeconds;
                break;
            }

            difference = $"{city0.Count} ranked; {expected.Zip(city0).Count(p => p.First != p.Second)} rows differ from the brute force on gateway 0";
            await Task.Delay(1000);
        }

        if (double.IsNaN(convergedAt))
        {
            errors.Add($"the ranking did not converge to the brute force within {ConvergeWithin.TotalMinutes:0} minutes of the kill: {difference}");
        }

        await stop.CancelAsync();
        await readers;
        var repair = processes.Silo!.Output.Split('\n').FirstOrDefault(l => l.Contains("Rankings repaired", StringComparison.Ordinal))?.Trim() ?? "(no repair logged)";
        var report = Report(tenants, perTenant, summary.Created + summary.AlreadyPresent, period, before, after, killedAt, deadAt, convergedAt, firstAfter,
            [.. reads], acknowledged.Count, ackedBefore, writesAfterKill.Count, retries, missing.Count, repair, await CityStages.MachineAsync(platform, loadStart), errors);
        Console.WriteLine(report);
        var outDir = Path.Combine(LocalPostgres.RepoRoot.Path, ".run", "bench");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "fault.md"), report);
        foreach (var (name, output) in platform.Logs())
        {
            await File.WriteAllTextAsync(Path.Combine(outDir, $"fault.{name}.log"), output);
        }

        progress($"written {Path.Combine(outDir, "fault.md")}");
        errors.AddRange(reads.Where(r => r.Error is not null).Take(1).Select(r => $"reads failed, e.g. {r.Error}"));
        foreach (var error in errors)
        {
            Console.Error.WriteLine("error: " + error);
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static string Report(
        int tenants, int perTenant, long records, string period, double before, double after, double killedAt, double deadAt, double convergedAt, double firstAfter,
        List<(int Gateway, double At, double Ms, string? Error)> reads, int acknowledged, int ackedBefore, int ackedAfter, IReadOnlyDictionary<StatusCode, int> retries,
        int missing, string repair, IReadOnlyDictionary<string, string> machine, List<string> errors)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"### The two-silo fault run — {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z, code {machine["code"]}");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{tenants} tenants × {perTenant} branches ({tenants * perTenant:N0}, {records:N0} records loaded), two silos and two gateways as processes on one PostgreSQL (ADO.NET clustering). "
            + $"Top-50 reads of {period} through both gateways (2 closed-loop readers each) and writes through both (8 writers over 400 branches, each write a meeting that changes its branch's {period} score) "
            + $"for {before:0} s, then silo 1 killed (SIGKILL), writes for {after:0} s more.");
        s.AppendLine();
        s.AppendLine("| what | value |");
        s.AppendLine("|---|---:|");
        s.AppendLine(CultureInfo.InvariantCulture, $"| membership table shows the killed silo Dead | {deadAt - killedAt:0.0} s after the kill |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| first write acknowledged after the kill | {firstAfter:0.0} s |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| writes acknowledged (before the kill / sent after it) | {acknowledged:N0} ({ackedBefore:N0} / {ackedAfter:N0}) |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| failed attempts, retried with the same request id | {(retries.Count == 0 ? "none" : string.Join(", ", retries.Select(r => $"{r.Key} {r.Value}")))} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| acknowledged writes missing from the ledgers | {missing} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| ranking repair (surviving silo's log) | {repair.Replace("|", "/", StringComparison.Ordinal)} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| both gateways' whole {period} ranking = brute force (every branch's GetScore) | {(double.IsNaN(convergedAt) ? "not within 10 min" : $"{convergedAt - killedAt:0.0} s after the kill")} |");
        s.AppendLine();
        s.AppendLine("| gateway | window | reads | failed | p50 ms | p99 ms | max ms | longest gap between answers |");
        s.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var gateway in Gateways)
        {
            foreach (var (name, from, to) in new[] { ("before the kill", 0.0, killedAt), ("kill → declared dead", killedAt, deadAt), ("declared dead → end", deadAt, double.MaxValue) })
            {
                var window = reads.Where(r => r.Gateway == gateway && r.At >= from && r.At < to).ToList();
                var stats = Stats.Of(window.Select(r => r.Ms));
                var ends = window.Where(r => r.Error is null).Select(r => r.At + (r.Ms / 1000)).Order().ToList();
                var gap = ends.Count < 2 ? 0 : ends.Zip(ends.Skip(1), (a, b) => b - a).Max();
                s.AppendLine(CultureInfo.InvariantCulture, $"| {gateway} | {name} | {window.Count:N0} | {window.Count(r => r.Error is not null)} | {stats.P50:0.0} | {stats.P99:0.0} | {stats.Max:0} | {gap * 1000:0} ms |");
            }
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine["cpu"]}, load average {machine["load average (start → end)"]}.");
        if (errors.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Errors: " + string.Join("; ", errors));
        }

        return s.ToString();
    }

    private static async Task<List<string>> MissingAsync(LedgerService.LedgerServiceClient ledger, ConcurrentDictionary<string, (string Tenant, string Node, double SentAt, double AckedAt)> acknowledged)
    {
        var missing = new List<string>();
        foreach (var branch in acknowledged.GroupBy(a => (a.Value.Tenant, a.Value.Node)))
        {
            var stored = new HashSet<string>(StringComparer.Ordinal);
            var request = new ListRecordsRequest { NodeId = branch.Key.Node, PageSize = 500 };
            do
            {
                var page = await ledger.ListRecordsAsync(request, CityCalls.As(branch.Key.Tenant), DateTime.UtcNow.AddSeconds(30));
                stored.UnionWith(page.Records.Select(r => r.RequestId));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            missing.AddRange(branch.Select(a => a.Key).Where(id => !stored.Contains(id)));
        }

        return missing;
    }

    // Every branch's own score, computed by its ledger from its records; ordered as the ranking orders ties.
    private static async Task<List<(double Total, string Tenant, string Node)>> BruteForceAsync(LedgerService.LedgerServiceClient ledger, List<(string Tenant, string Node)> branches, string period)
    {
        var scores = new ConcurrentBag<(double, string, string)>();
        await Parallel.ForEachAsync(branches, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (b, cancel) =>
        {
            var sheet = await ledger.GetScoreAsync(new GetScoreRequest { NodeId = b.Node, Period = period }, CityCalls.As(b.Tenant), DateTime.UtcNow.AddSeconds(60), cancel);
            scores.Add((sheet.Total, b.Tenant, b.Node));
        });
        return [.. scores.OrderByDescending(e => Math.Round(e.Item1 * 100)).ThenBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.Item3, StringComparer.Ordinal)];
    }

    private static async Task<List<(double Total, string Tenant, string Node)>> CityRankingAsync(RankingService.RankingServiceClient rankings, string period)
    {
        var rows = new List<(double, string, string)>();
        var token = "";
        do
        {
            var page = await rankings.ListTopBranchesAsync(new ListTopBranchesRequest { Scope = RankingScope.City, Period = period, PageSize = 500, PageToken = token }, CityCalls.Supervisor);
            rows.AddRange(page.Branches.Select(b => (b.Total, b.TenantId, b.NodeId)));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return rows;
    }

    private static async Task<double> WaitDeadAsync(string db, string clusterId, int port, Stopwatch clock)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        var until = clock.Elapsed + TimeSpan.FromMinutes(3);
        while (clock.Elapsed < until)
        {
            await using var query = new NpgsqlCommand("select status from orleansmembershiptable where deploymentid = @c and port = @p", connection);
            query.Parameters.AddWithValue("c", clusterId);
            query.Parameters.AddWithValue("p", port);
            if (await query.ExecuteScalarAsync() is int status && status == 6)
            {
                return clock.Elapsed.TotalSeconds;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The killed silo was not declared dead in the membership table within 3 minutes.");
    }
}
