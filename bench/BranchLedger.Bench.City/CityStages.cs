using System.Diagnostics;
using System.Globalization;
using BranchLedger.Api.V1;
using BranchLedger.Bench;
using BranchLedger.CityData;
using Npgsql;

namespace BranchLedger.Bench.City;

/// <summary>The stages of a run: which tenants to load next, a scale point, the main measurements at the city's size.</summary>
internal static class CityStages
{
    public sealed record MainResults(
        Level Writes, Level Upsert, BulkImportResult Bulk, double StoredStatePerLedger, IReadOnlyList<ReadComparison> Reads,
        FreshnessResult Freshness, double RebuildSeconds, double PeerFullRankingMs, IReadOnlyList<string> Errors);

    /// <summary>
    /// The tenants to load to go from <paramref name="loaded"/> to <paramref name="target"/> tenants: the
    /// city's own (a whole year each), then sparse ones past the city's size (records from the sparse month on).
    /// </summary>
    public static IEnumerable<CityShape> Shapes(CityOptions o, int year, int loaded, int target)
    {
        var denseEnd = Math.Min(target, o.Tenants);
        if (denseEnd > loaded)
        {
            yield return new CityShape(denseEnd - loaded, o.BranchesPerTenant, year, loaded);
        }

        var sparseStart = Math.Max(loaded, o.Tenants);
        if (target > sparseStart)
        {
            yield return new CityShape(target - sparseStart, o.BranchesPerTenant, year, sparseStart, new DateOnly(year, o.SparseFromMonth, 1));
        }
    }

    public static async Task<ScalePoint> ScalePointAsync(
        CityPlatform platform, CityCalls calls, Pgbench pgbench, CityOptions o, int year, int branches, long records,
        double loadSeconds, double rankedAfter, MemorySample before)
    {
        var memory = await MemorySample.ReadAsync(platform);
        var stored = await StoredStatePerLedgerAsync(platform.Database);
        var duration = TimeSpan.FromSeconds(Math.Max(2, o.Seconds / 2));
        var read = await ClosedLoop.RunAsync(1, duration, (_, _) => calls.TopAsync());
        var peer = await pgbench.RunAsync(SqlPeer.TopQuery(year), 1, duration);
        var idle = await MemorySample.ReadIdleAsync(platform, left: branches / 100, TimeSpan.FromSeconds((o.LedgerIdleSeconds * 3) + 30));
        var collected = Math.Max(1, memory.ActiveLedgers - idle.ActiveLedgers);
        var note = branches <= o.Branches ? "a whole year each"
            : $"{o.Branches:N0} with a whole year, {branches - o.Branches:N0} with records from {year}-{o.SparseFromMonth:D2}-01 only";
        return new ScalePoint(
            branches, records, (double)records / branches, note, loadSeconds, rankedAfter, read, peer,
            memory.ResidentBytes, memory.GcHeapBytes, memory.ActiveLedgers, memory.ActiveGrains,
            idle.ResidentBytes, idle.GcHeapBytes, idle.ActiveLedgers,
            (double)(memory.ResidentBytes - idle.ResidentBytes) / collected, (double)(memory.GcHeapBytes - idle.GcHeapBytes) / collected,
            (double)(idle.GcHeapBytes - before.GcHeapBytes) / branches, stored);
    }

    public static async Task<MainResults> MainAsync(
        CityPlatform platform, CityCalls calls, Pgbench pgbench, CityOptions o, int year, TimeSpan duration, Action<string> progress)
    {
        var errors = new List<string>();
        var reads = new List<ReadComparison>();
        foreach (var c in o.ReadConcurrency)
        {
            progress($"top-50 reads at concurrency {c}: platform, SQL peer (pgbench), empty gRPC call");
            var read = await ClosedLoop.RunAsync(c, duration, (_, _) => calls.TopAsync());
            var peer = await pgbench.RunAsync(SqlPeer.TopQuery(year), c, duration);
            var empty = await ClosedLoop.RunAsync(c, duration, (_, _) => calls.EmptyAsync());
            reads.Add(new ReadComparison(c, read, peer, empty));
        }

        progress($"single-record writes at concurrency {o.WriteConcurrency}, then pgbench upserting the ledgers' own stored states");
        var day = new DateOnly(year, 12, 20);
        var writes = await ClosedLoop.RunAsync(o.WriteConcurrency, duration, (worker, seq) => calls.MeetingAsync(
            CityShape.TenantId(worker % o.Tenants), $"b{worker / o.Tenants % o.BranchesPerTenant:D5}", $"bench:write:{seq}",
            MeetingKind.Symposium, day, 5, 5));
        var stored = await StoredStatePerLedgerAsync(platform.Database);
        var upsertRows = await PrepareUpsertAsync(platform.Database);
        var upsert = await pgbench.RunAsync(
            "\\set id random(1, :rows)\nINSERT INTO pgb_state (id, payload) SELECT id, payload FROM pgb_payloads WHERE id = :id ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload;\n",
            o.WriteConcurrency, duration, new Dictionary<string, string> { ["rows"] = upsertRows.ToString(CultureInfo.InvariantCulture) });

        progress($"bulk import: the year before for {o.BulkImportBranches:N0} branches (ImportRecords only), then the same rows by COPY");
        var bulk = await BulkImport.RunAsync(platform, o, year, concurrency: 8);

        progress($"freshness: {o.FreshnessSamples} writes, one at a time, each until GetBranchRank shows it");
        var freshness = await FreshnessRun.RunAsync(calls, DemoCity.Generate(new CityShape(o.Tenants, o.BranchesPerTenant, year)), year, o.FreshnessSamples);
        if (freshness.NeverVisible > 0)
        {
            errors.Add($"{freshness.NeverVisible} freshness sample(s) never became visible within 10 s");
        }

        progress("cold rebuild of the rankings (RubricService.RebuildRankings) until every branch is ranked again");
        var rebuild = Stopwatch.StartNew();
        var status = (await platform.Rubrics.RebuildRankingsAsync(new RebuildRankingsRequest(), CityCalls.Supervisor)).Status;
        while (status.State != RescoringState.Completed)
        {
            await Task.Delay(100);
            status = (await platform.Rubrics.GetRescoringStatusAsync(new GetRescoringStatusRequest(), CityCalls.Supervisor)).Status;
        }

        await calls.WaitRankedAsync(o.Branches, TimeSpan.FromMinutes(30));
        rebuild.Stop();
        if (status.Failed > 0)
        {
            errors.Add($"the rebuild could not rescore {status.Failed} branch(es)");
        }

        var full = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await MachineFacts.ScalarAsync(platform.Database, $"SELECT count(*) FROM ({SqlPeer.TopQuery(year).Replace("LIMIT 50;", "", StringComparison.Ordinal)}) ranked");
            full.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new MainResults(writes, upsert, bulk, stored, reads, freshness, rebuild.Elapsed.TotalSeconds, full.Order().ElementAt(1), errors);
    }

    public static async Task<IReadOnlyDictionary<string, string>> MachineAsync(CityPlatform platform, string loadStart)
    {
        var facts = new Dictionary<string, string>
        {
            ["cpu"] = $"{MachineFacts.CpuModel()} × {Environment.ProcessorCount}",
            ["memory"] = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim(),
            ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            [".NET"] = Environment.Version.ToString(),
            ["code"] = MachineFacts.CodeVersion(LocalPostgres.RepoRoot.Path),
            ["load average (start → end)"] = $"{loadStart} → {MachineFacts.LoadAverage()}",
            ["PostgreSQL"] = await MachineFacts.ScalarAsync(platform.Database, "SHOW server_version"),
        };
        foreach (var setting in MachineFacts.PostgresSettings)
        {
            facts[setting] = await MachineFacts.ScalarAsync(platform.Database, $"SHOW {setting}");
        }

        return facts;
    }

    private static async Task<double> StoredStatePerLedgerAsync(string db) =>
        double.Parse(await MachineFacts.ScalarAsync(db, "SELECT coalesce(avg(length(payloadbinary)), 0) FROM orleansstorage WHERE graintypestring = 'ledger'"), CultureInfo.InvariantCulture);

    // pgbench rewrites rows of exactly the ledgers' stored states (same sizes, same compressibility).
    private static async Task<long> PrepareUpsertAsync(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var setup = new NpgsqlCommand("""
            DROP TABLE IF EXISTS pgb_payloads, pgb_state;
            CREATE TABLE pgb_payloads AS SELECT row_number() OVER () AS id, payloadbinary AS payload
                FROM orleansstorage WHERE graintypestring = 'ledger' AND payloadbinary IS NOT NULL;
            ALTER TABLE pgb_payloads ADD PRIMARY KEY (id);
            CREATE TABLE pgb_state (id bigint PRIMARY KEY, payload bytea);
            INSERT INTO pgb_state SELECT id, payload FROM pgb_payloads;
            """, connection);
        await setup.ExecuteNonQueryAsync();
        return long.Parse(await MachineFacts.ScalarAsync(db, "SELECT count(*) FROM pgb_payloads"), CultureInfo.InvariantCulture);
    }
}
