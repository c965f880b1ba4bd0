using System.Diagnostics;
using System.Globalization;
using System.Text;
using BranchLedger.Api.V1;
using BranchLedger.CityData;
using Npgsql;

namespace BranchLedger.Bench.City;

/// <summary>
/// <c>--journal</c>: the ledger's write path against its baselines, in one run. Durable single-record
/// writes through gRPC (gateway, authentication, Orleans, journal + audit row in one transaction) at
/// c = 1, 16, 64; pgbench running the same transaction (one record row of a real record's bytes and one
/// audit row, in one statement) and the old whole-state upsert (each ledger's records concatenated, the
/// size its state row had before the journal) at the same concurrencies; and the latency of single
/// appends to one ledger at 1–100 records and at 2,401–2,500.
/// </summary>
internal static class JournalBench
{
    private const int Branches = 64;

    public static async Task<int> RunAsync(double seconds, Action<string> progress)
    {
        var stamp = DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        var year = DemoCity.Today().Year - 1;
        var duration = TimeSpan.FromSeconds(seconds);
        var loadStart = MachineFacts.LoadAverage();
        await using var platform = await CityPlatform.StartAsync(stamp, CityOptions.DefaultPostgresPort + 1, 600, throwaway: true, progress);
        var calls = new CityCalls(platform, year);
        var pgbench = new Pgbench(platform.Database);
        var loader = new DemoCityLoader(platform.Directory, platform.Ledger, CityCalls.As, CityCalls.Verifier, parallelTenants: 1);

        progress($"loading 1 tenant × {Branches} branches (a year each) through ImportRecords, and one nearly empty ledger");
        Console.Error.WriteLine(await loader.LoadAsync(DemoCity.Generate(new CityShape(1, Branches, year))));
        Console.Error.WriteLine(await loader.LoadAsync(DemoCity.Generate(new CityShape(1, 2, year, 1, new DateOnly(year, 12, 31)))));

        // Loading leaves the silo scoring every ledger's periods for a while; writes measured then pay for it.
        progress($"the silo was quiet after {await platform.WaitQuietAsync():0} s");
        var out_ = new StringBuilder();
        out_.AppendLine(CultureInfo.InvariantCulture, $"### Ledger journal write path — {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z, code {MachineFacts.CodeVersion(LocalPostgres.RepoRoot.Path)}");
        out_.AppendLine();
        out_.AppendLine(CultureInfo.InvariantCulture, $"{seconds:0} s per level; client, gateway, silo and PostgreSQL share the machine ({Environment.ProcessorCount} cores).");
        out_.AppendLine();
        out_.AppendLine("| c | gRPC writes/s | p50 ms | p99 ms | pgbench same tx/s | p50 | p99 | ratio | old whole-state upsert/s | p50 | p99 | ratio |");
        out_.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var (upsertRows, stateBytes) = await PrepareAsync(platform.Database);
        var recordBytes = double.Parse(await MachineFacts.ScalarAsync(platform.Database, "SELECT avg(length(record)) FROM branchledger_journal"), CultureInfo.InvariantCulture);
        var postmaster = await ProcessCpu.PostmasterAsync(platform.Database);
        var pgCpu = new StringBuilder();
        pgCpu.AppendLine("The same for pgbench's same transaction (µs per transaction; the machine's column includes pgbench itself):");
        pgCpu.AppendLine();
        pgCpu.AppendLine("| c | PostgreSQL | whole machine |");
        pgCpu.AppendLine("|---|---|---|");
        var cpu = new StringBuilder();
        cpu.AppendLine("CPU per gRPC write, by process (µs of user + system time over the level's writes), and what other processes used meanwhile:");
        cpu.AppendLine();
        cpu.AppendLine("| c | load generator | gateway | silo | PostgreSQL | together | rest of the machine | PostgreSQL transactions per write | rows inserted per write | rows updated per write |");
        cpu.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in new[] { 1, 16, 64 })
        {
            progress($"c={c}: gRPC writes, pgbench same transaction, pgbench whole-state upsert");
            await platform.WaitQuietAsync();
            var statsBefore = await DatabaseWorkAsync(platform.Database);
            var cpuBefore = ProcessCpu.Take(platform, postmaster);
            var writes = await ClosedLoop.RunAsync(c, duration, (worker, seq) => calls.MeetingAsync(
                CityShape.TenantId(0), $"b{worker % Branches:D5}", $"journal:{c}:{seq}", MeetingKind.Symposium, new DateOnly(year, 12, 20), 5, 5));
            var used = ProcessCpu.Take(platform, postmaster) - cpuBefore;
            var work = (await DatabaseWorkAsync(platform.Database)).Zip(statsBefore, (after, before) => (after - before) / (double)Math.Max(writes.Calls, 1)).ToArray();
            cpu.AppendLine(CultureInfo.InvariantCulture, $"| {c} | {used.PerCall(writes.Calls)} | {work[0]:0.00} | {work[1]:0.00} | {work[2]:0.00} |");
            var pgBefore = ProcessCpu.Take(platform, postmaster);
            var same = await pgbench.RunAsync(SameTransaction, c, duration);
            var pg = ProcessCpu.Take(platform, postmaster) - pgBefore;
            var transactions = same.PerSecond * duration.TotalSeconds;
            pgCpu.AppendLine(CultureInfo.InvariantCulture, $"| {c} | {pg.Postgres * 1e6 / transactions:N0} | {pg.Machine * 1e6 / transactions:N0} |");
            var upsert = await pgbench.RunAsync(
                "\\set id random(1, :rows)\nINSERT INTO pgb_state (id, payload) SELECT id, payload FROM pgb_payloads WHERE id = :id ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload;\n",
                c, duration, new Dictionary<string, string> { ["rows"] = upsertRows.ToString(CultureInfo.InvariantCulture) });
            out_.AppendLine(CultureInfo.InvariantCulture,
                $"| {c} | {writes.PerSecond:N1} | {writes.Latency.P50:0.0} | {writes.Latency.P99:0.0} | {same.PerSecond:N0} | {same.Latency.P50:0.0} | {same.Latency.P99:0.0} | {writes.PerSecond / same.PerSecond:0.00}× | {upsert.PerSecond:N0} | {upsert.Latency.P50:0.0} | {upsert.Latency.P99:0.0} | {writes.PerSecond / upsert.PerSecond:0.00}× |");
        }

        out_.AppendLine();
        out_.Append(cpu);
        out_.AppendLine();
        out_.Append(pgCpu);
        out_.AppendLine();
        out_.AppendLine(CultureInfo.InvariantCulture, $"Record row: {recordBytes:N0} B on average; old whole-state row: {stateBytes:N0} B on average ({upsertRows} ledgers, a year of records each).");
        out_.AppendLine();

        progress("single appends to one ledger: 1–100, fill to 2,400, then 2,401–2,500");
        var tenant = CityShape.TenantId(1);
        var existing = (await platform.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "b00000", PageSize = 500 }, CityCalls.As(tenant))).Records.Count;
        var day = new DateOnly(year, 12, 30);
        var first = await AppendsAsync(calls, tenant, "first", 100 - existing, day);
        for (var i = 0; i < 2400 - 100; i++)
        {
            await calls.MeetingAsync(tenant, "b00000", $"fill:{i}", MeetingKind.Symposium, day, 5, 5);
        }

        var last = await AppendsAsync(calls, tenant, "last", 100, day);
        out_.AppendLine("| appends | p50 ms | p90 ms | p99 ms |");
        out_.AppendLine("|---|---|---|---|");
        out_.AppendLine(CultureInfo.InvariantCulture, $"| {existing + 1}–100 | {first.P50:0.0} | {first.P90:0.0} | {first.P99:0.0} |");
        out_.AppendLine(CultureInfo.InvariantCulture, $"| 2,401–2,500 | {last.P50:0.0} | {last.P90:0.0} | {last.P99:0.0} |");
        out_.AppendLine(CultureInfo.InvariantCulture, $"| ratio (2,500 ÷ 100) | {last.P50 / first.P50:0.00}× | {last.P90 / first.P90:0.00}× | {last.P99 / first.P99:0.00}× |");
        out_.AppendLine();
        out_.AppendLine(CultureInfo.InvariantCulture, $"Load average {loadStart} → {MachineFacts.LoadAverage()}.");
        Console.WriteLine(out_.ToString());
        var dir = Path.Combine(LocalPostgres.RepoRoot.Path, ".run", "bench");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "journal.md"), out_.ToString());
        return 0;
    }

    // The database's committed transactions and rows inserted and updated so far (pg_stat_database;
    // the statistics collector reports them with a delay of up to half a second, so the level's writes
    // are counted once they settle).
    private static async Task<long[]> DatabaseWorkAsync(string db)
    {
        await Task.Delay(700);
        var row = await MachineFacts.ScalarAsync(db, "SELECT xact_commit || ' ' || tup_inserted || ' ' || tup_updated FROM pg_stat_database WHERE datname = current_database()");
        return [.. row.Split(' ').Select(v => long.Parse(v, CultureInfo.InvariantCulture))];
    }

    private static async Task<Rankings.Stats> AppendsAsync(CityCalls calls, string tenant, string prefix, int count, DateOnly day)
    {
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await calls.MeetingAsync(tenant, "b00000", $"{prefix}:{i}", MeetingKind.Symposium, day, 5, 5);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Rankings.Stats.Of(latencies);
    }

    // The journal's transaction as one statement (the grain sends one batch, one round trip): a record
    // row with a real record's bytes into a copy of the journal table (same keys and indexes), and an
    // audit row into a copy of the audit table. (No colon in literals: pgbench reads ":name" as a variable.)
    private const string SameTransaction = """
        WITH j AS (INSERT INTO pgb_journal (ledger, seq, request_id, year, recorded_at, record) SELECT 'pgb/' || (n.s % 64), n.s, 'pgb-' || n.s, 2025, now(), r.record FROM (SELECT nextval('pgb_seq') AS s) n, pgb_record r RETURNING request_id) INSERT INTO pgb_audit (at, tenant, subject, credential, request_id, rpc, targets, outcome) SELECT now(), 'bench', 'bench', 'token-bench', request_id, '/branchledger.v1.LedgerService/RecordMeeting', 'node_id=b00001', 'OK' FROM j;

        """;

    private static async Task<(long Rows, double StateBytes)> PrepareAsync(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var setup = new NpgsqlCommand("""
            DROP TABLE IF EXISTS pgb_payloads, pgb_state, pgb_journal, pgb_audit, pgb_record;
            DROP SEQUENCE IF EXISTS pgb_seq;
            CREATE TABLE pgb_journal (LIKE branchledger_journal INCLUDING ALL);
            CREATE TABLE pgb_audit (LIKE branchledger_audit INCLUDING ALL);
            CREATE SEQUENCE pgb_seq;
            CREATE TABLE pgb_record AS SELECT record FROM branchledger_journal ORDER BY seq DESC LIMIT 1;
            CREATE TABLE pgb_payloads AS SELECT row_number() OVER () AS id, payload FROM
                (SELECT string_agg(record, ''::bytea ORDER BY seq) AS payload FROM branchledger_journal WHERE ledger LIKE 'city-t000/%' GROUP BY ledger) l;
            ALTER TABLE pgb_payloads ADD PRIMARY KEY (id);
            CREATE TABLE pgb_state (id bigint PRIMARY KEY, payload bytea);
            INSERT INTO pgb_state SELECT id, payload FROM pgb_payloads;
            """, connection);
        await setup.ExecuteNonQueryAsync();
        return (long.Parse(await MachineFacts.ScalarAsync(db, "SELECT count(*) FROM pgb_payloads"), CultureInfo.InvariantCulture),
            double.Parse(await MachineFacts.ScalarAsync(db, "SELECT avg(length(payload)) FROM pgb_payloads"), CultureInfo.InvariantCulture));
    }
}
