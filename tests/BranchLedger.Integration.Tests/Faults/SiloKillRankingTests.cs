using System.Collections.Concurrent;
using System.Diagnostics;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using Npgsql;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Faults;

/// <summary>
/// Issue 20, part 5, small: two silos and two gateways as processes (ADO.NET clustering on
/// PostgreSQL), a city of a few hundred ranked branches read continuously through both gateways, one
/// silo killed (SIGKILL) while writes go on. Reads keep being answered from the gateways' ranking
/// replicas, the membership table shows the dead silo, and the city ranking on both gateways converges
/// to a brute-force ranking of every branch's own score (every acknowledged write counted).
/// </summary>
[Collection(ProcessFaultsCollection.Name)]
public sealed class SiloKillRankingTests(ITestOutputHelper output)
{
    private const int BranchesPerTenant = 100;
    private const string Period = "2026";
    private static readonly string[] Tenants = ["rank-kill-a", "rank-kill-b"];
    private static readonly Metadata Supervisor = TestCredentials.Supervisor();

    // The stated bound: from the kill to both gateways showing the brute-force ranking. Measured at a
    // load average of 72 on 2 cores: 100 s (the silo declared dead after 78 s, the repair of 200
    // branches took 78 s); both shrink with a quieter machine.
    private static readonly TimeSpan ConvergeWithin = TimeSpan.FromSeconds(180);

    // No gateway goes this long without answering a read. A read that waits for a grain of the dead
    // silo waits for its 10 s deadline (what this catches); measured at most 2.9 s at load average 72.
    private static readonly TimeSpan LongestGap = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Reads_are_served_from_the_replicas_and_the_ranking_converges_with_every_score_after_a_silo_is_killed()
    {
        var db = await TestPostgres.CreateDatabaseAsync("silo-kill-rankings");
        await using var platform = new LocalPlatform(db, silos: 2, gateways: 2, gateway: RaisedLimits);
        var clock = Stopwatch.StartNew();
        await platform.StartAsync();
        output.WriteLine($"2 silos and 2 gateways started in {clock.Elapsed.TotalSeconds:0.0} s");
        var branches = await LoadCityAsync(platform);
        await WaitAsync(async () => (await RankedCountAsync(platform, 0)) == branches.Count && (await RankedCountAsync(platform, 1)) == branches.Count,
            TimeSpan.FromSeconds(90), "every branch ranked on both gateways");

        using var readers = new Readers(platform);
        var writes = new ConcurrentDictionary<string, int>();
        var before = new WriteLoad(platform.Ledger(0), Tenants[0], [.. branches.Where(b => b.Tenant == Tenants[0]).Select(b => b.Node)], "before", Changing(writes));
        before.Start(workers: 4);
        await before.WaitUntilAsync(l => l.Acknowledged >= 60, TimeSpan.FromSeconds(60), "writes before the kill");

        var victim = platform.Silos[1];
        var victimPort = platform.SiloPort(1);
        await victim.KillAsync();
        var killedAt = readers.Now;
        Assert.False(victim.IsRunning);

        // Writes that were under way finish (retried until acknowledged); new writes go to other
        // branches through the other gateway, so the first set's last pushes are not redone by later writes.
        var during = new WriteLoad(platform.Ledger(1), Tenants[1], [.. branches.Where(b => b.Tenant == Tenants[1]).Select(b => b.Node).Take(40)], "during", Changing(writes));
        during.Start(workers: 4);
        await before.StopAndVerifyAsync(output);
        var (first, everyBranch) = await during.RecoveryAfterAsync(TimeSpan.Zero, "the kill");
        output.WriteLine($"writes after the kill: first acknowledged after {first.TotalSeconds:0.0} s, every branch after {everyBranch.TotalSeconds:0.0} s");

        var deadAfter = await WaitDeadAsync(db, platform.ClusterId, victimPort, readers, killedAt);
        output.WriteLine($"membership table: the killed silo (port {victimPort}) is Dead {deadAfter.TotalSeconds:0.0} s after the kill");
        await during.StopAndVerifyAsync(output);

        // Brute force: every branch's own score, computed by its ledger from its records.
        var expected = await BruteForceAsync(platform, branches);
        TimeSpan converged = default;
        await WaitAsync(async () =>
        {
            var city0 = await CityRankingAsync(platform, 0);
            var city1 = await CityRankingAsync(platform, 1);
            converged = readers.Now - killedAt;
            return city0.SequenceEqual(expected) && city1.SequenceEqual(expected);
        }, ConvergeWithin - (readers.Now - killedAt), "both gateways' city ranking to equal the brute-force ranking", () => Diff(platform, expected));
        output.WriteLine($"both gateways' ranking equals the brute-force ranking of {expected.Count} branches {converged.TotalSeconds:0.0} s after the kill");
        output.WriteLine(string.Join('\n', platform.Silo!.Output.Split('\n').Where(l => l.Contains("repair", StringComparison.OrdinalIgnoreCase) || l.Contains("pushed again", StringComparison.Ordinal))));

        var reads = await readers.StopAsync();
        foreach (var gateway in new[] { 0, 1 })
        {
            var mine = reads.Where(r => r.Gateway == gateway).ToList();
            var outage = mine.Where(r => r.At >= killedAt && r.At <= killedAt + deadAfter).ToList();
            var latencies = mine.Select(r => r.Latency.TotalMilliseconds).Order().ToList();
            var gap = mine.Where(r => r.Ok).Select(r => r.At + r.Latency).Order().Zip(mine.Where(r => r.Ok).Select(r => r.At + r.Latency).Order().Skip(1), (a, b) => b - a).Max();
            output.WriteLine($"gateway {gateway}: {mine.Count} top-50 reads, {mine.Count(r => !r.Ok)} failed; {outage.Count} between the kill and the silo declared dead; "
                + $"p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0} ms; longest gap between answers {gap.TotalMilliseconds:0} ms");
            Assert.True(mine.All(r => r.Ok), $"gateway {gateway}: reads failed: " + string.Join("; ", mine.Where(r => !r.Ok).Take(5).Select(r => r.Error)));
            Assert.True(outage.Count(r => r.Ok) >= 10, $"gateway {gateway} answered only {outage.Count} reads while the silo was down");
            Assert.True(gap < LongestGap, $"gateway {gateway} answered no read for {gap.TotalSeconds:0.0} s");
        }

        Assert.True(platform.Silo!.IsRunning, "the surviving silo stopped:\n" + platform.Silo.Output);
    }

    private static readonly Dictionary<string, string> RaisedLimits = new()
    {
        ["Limits__ClientRequestsPerSecond"] = "100000",
        ["Limits__ClientBurst"] = "100000",
        ["Limits__TenantRequestsPerSecond"] = "100000",
        ["Limits__TenantBurst"] = "100000",
    };

    // Each write to a branch is a meeting of a kind and month the branch has not held yet, so every
    // acknowledged write changes the branch's score (a lost push shows in the comparison).
    private static Func<string, string, int, RecordMeetingRequest> Changing(ConcurrentDictionary<string, int> writes) => (branch, id, _) =>
    {
        var k = writes.AddOrUpdate(branch, 0, (_, n) => n + 1);
        var themeDay = (k / 11) % 2 == 1;
        var request = Meetings.Request(branch, id);
        request.Meeting.Kind = themeDay ? MeetingKind.ThemeDay : MeetingKind.BranchCommitteeMeeting;
        request.Meeting.Date = new Google.Type.Date { Year = 2026, Month = 1 + (k % 11), Day = 10 };
        request.Meeting.Attendees = themeDay ? 25 : 6;
        request.Meeting.ExpectedAttendees = themeDay ? 30 : 7;
        return request;
    };

    private static async Task<List<(string Tenant, string Node)>> LoadCityAsync(LocalPlatform platform)
    {
        var directory = platform.Directory();
        var branches = new List<(string, string)>();
        foreach (var tenant in Tenants)
        {
            var caller = GatewayHost.As(tenant, "party-office");
            await Retry.WhileUnavailableAsync(() => directory.RegisterTenantAsync(new RegisterTenantRequest
            {
                RequestId = "register",
                Profile = new TenantProfile { DisplayName = tenant, BodyKind = BodyKind.PeoplesOrganisation },
            }, caller).ResponseAsync);
            var import = new ImportNodesRequest();
            import.Nodes.Add(new NodeImport { RequestId = "root", NodeId = Nodes.Root, Kind = NodeKind.Organisation, Name = "党组" });
            for (var b = 0; b < BranchesPerTenant; b++)
            {
                // Requests of 25 nodes: each new branch scores itself and pushes, which takes a while on a busy machine.
                if (import.Nodes.Count == 25)
                {
                    await ImportAsync(directory, import, caller);
                    import = new ImportNodesRequest();
                }

                var node = $"branch-{b:D3}";
                branches.Add((tenant, node));
                import.Nodes.Add(new NodeImport
                {
                    RequestId = node, NodeId = node, Kind = NodeKind.Branch, Name = $"第{b + 1}党支部", ParentId = Nodes.Root,
                    Roster = new RosterImport
                    {
                        RequestId = "roster-" + node, EffectiveFrom = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 },
                        CommitteeMembers = 7, Members = 30, VotingMembers = 30,
                    },
                });
            }

            await ImportAsync(directory, import, caller);
        }

        return branches;
    }

    // Retried with the same request ids until every row is in (a retried row answers as already present).
    private static async Task ImportAsync(DirectoryService.DirectoryServiceClient directory, ImportNodesRequest import, Metadata caller)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await directory.ImportNodesAsync(import, caller, DateTime.UtcNow.AddSeconds(60));
                return;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && attempt < 5)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task<int> RankedCountAsync(LocalPlatform platform, int gateway) =>
        (int)(await platform.Rankings(gateway).ListTopBranchesAsync(new ListTopBranchesRequest { Period = Period, PageSize = 1 }, Supervisor)).RankedCount;

    private static async Task<List<(double Total, string Tenant, string Node)>> BruteForceAsync(LocalPlatform platform, List<(string Tenant, string Node)> branches)
    {
        var ledger = platform.Ledger();
        var expected = new List<(double, string, string)>();
        foreach (var (tenant, node) in branches)
        {
            var sheet = await ledger.GetScoreAsync(new GetScoreRequest { NodeId = node, Period = Period }, GatewayHost.As(tenant));
            expected.Add((sheet.Total, tenant, node));
        }

        return [.. expected.OrderByDescending(e => Math.Round(e.Item1 * 100)).ThenBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.Item3, StringComparer.Ordinal)];
    }

    private static async Task<List<(double Total, string Tenant, string Node)>> CityRankingAsync(LocalPlatform platform, int gateway)
    {
        var rows = new List<(double, string, string)>();
        var token = "";
        do
        {
            var page = await platform.Rankings(gateway).ListTopBranchesAsync(new ListTopBranchesRequest { Period = Period, PageSize = 500, PageToken = token }, Supervisor);
            rows.AddRange(page.Branches.Select(b => (b.Total, b.TenantId, b.NodeId)));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return rows;
    }

    private static async Task<string> Diff(LocalPlatform platform, List<(double Total, string Tenant, string Node)> expected)
    {
        var actual = await CityRankingAsync(platform, 0);
        var wrong = expected.Zip(actual).Where(p => p.First != p.Second).Take(10).Select(p => $"expected {p.First}, ranked {p.Second}");
        return $"{actual.Count} ranked of {expected.Count}; first differences: " + string.Join("; ", wrong);
    }

    // Polls the membership table until the killed silo's row says Dead (6); returns when, after the kill.
    private static async Task<TimeSpan> WaitDeadAsync(string db, string clusterId, int port, Readers readers, TimeSpan killedAt)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        var until = readers.Now + TimeSpan.FromSeconds(90);
        while (true)
        {
            await using var query = new NpgsqlCommand("select status from orleansmembershiptable where deploymentid = @c and port = @p", connection);
            query.Parameters.AddWithValue("c", clusterId);
            query.Parameters.AddWithValue("p", port);
            if (await query.ExecuteScalarAsync() is int status && status == 6)
            {
                return readers.Now - killedAt;
            }

            Assert.True(readers.Now < until, "the killed silo was not declared dead in the membership table within 90 s");
            await Task.Delay(200);
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<Task<string>>? describe = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}." + (describe is null ? "" : " " + await describe()));
            }

            await Task.Delay(500);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private sealed record Read(int Gateway, TimeSpan At, TimeSpan Latency, bool Ok, string? Error);

    /// <summary>Two readers per gateway asking for the city top 50 in a closed loop (a short pause between reads).</summary>
    private sealed class Readers : IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentBag<Read> _reads = [];
        private readonly Task _running;

        public Readers(LocalPlatform platform) => _running = Task.WhenAll(
            from gateway in new[] { 0, 1 }
            from reader in Enumerable.Range(0, 2)
            select ReadAsync(platform.Rankings(gateway), gateway));

        public TimeSpan Now => _clock.Elapsed;

        public async Task<List<Read>> StopAsync()
        {
            await _stop.CancelAsync();
            await _running;
            return [.. _reads.OrderBy(r => r.At)];
        }

        public void Dispose() => _stop.Cancel();

        private async Task ReadAsync(RankingService.RankingServiceClient rankings, int gateway)
        {
            while (!_stop.IsCancellationRequested)
            {
                var at = Now;
                try
                {
                    var top = await rankings.ListTopBranchesAsync(new ListTopBranchesRequest { Period = Period, PageSize = 50 }, Supervisor, DateTime.UtcNow.AddSeconds(10));
                    _reads.Add(new Read(gateway, at, Now - at, top.Branches.Count == 50, top.Branches.Count == 50 ? null : $"{top.Branches.Count} rows"));
                }
                catch (RpcException ex)
                {
                    _reads.Add(new Read(gateway, at, Now - at, false, ex.Status.ToString()));
                }

                await Task.Delay(20);
            }
        }
    }
}
