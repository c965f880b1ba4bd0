using System.Diagnostics;
using System.Globalization;
using BranchLedger.Bench;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;
using BranchLedger.Gateway.Services;
using BranchLedger.Reports;

// Annual report benchmark (issue: "One report for an organisation with 20 branches and a year of
// records takes ≤ 1 s"). Loads the records once, then times each scenario several times and prints
// the median next to a same-run baseline: plain ListRecords of the same records.

const int Branches = 20;
var perBranch = ArgValue("--per-branch", 250);
var perOrganisation = ArgValue("--per-organisation", 400);
var runs = ArgValue("--runs", 9);

var stamp = DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
var loadStart = MachineFacts.LoadAverage();
// The bench's own server by default; --pg-data NAME --pg-port N use another one under .data/ (e.g. a running one).
var pgData = ArgText("--pg-data", "bench-postgres");
var pgPort = ArgValue("--pg-port", BenchPostgres.Port);
Progress($"starting PostgreSQL (.data/{pgData}, port {pgPort})");
var postgres = BenchPostgres.Start(pgData, pgPort);
BenchSilo? silo = null;
try
{
    var db = await postgres.CreateDatabaseAsync(stamp, "reports");
    silo = await BenchSilo.StartAsync(db, $"bench-{stamp}-reports", StorageFormat.OrleansBinary);
    var grains = silo.Grains;
    var branches = Enumerable.Range(1, Branches).Select(i => $"branch-{i:D2}").ToArray();
    await BenchDirectory.RegisterAsync(grains, branches);
    string[] nodes = [BenchDirectory.Root, .. branches];

    // A full calendar year that has ended, records spread over it.
    var year = DateTime.UtcNow.Year - 1;
    Progress($"loading {perOrganisation} + {Branches} × {perBranch} records dated in {year}");
    var accepted = await Task.WhenAll(nodes.Select((node, n) => LoadAsync(grains, node, n == 0 ? perOrganisation : perBranch, year, n + 1)));
    var records = accepted.Sum();

    Progress($"{records} records accepted; timing {runs} runs per scenario (after 2 warm-up runs)");
    var rows = new List<(string Name, double[] Ms, long Bytes)>
    {
        await TimeAsync("baseline: ListRecords of every node, the year", () => ListAllAsync(grains, nodes, year)),
        await TimeAsync("gather facts (report grain, 21 ledgers in parallel)", async () =>
            (await grains.GetGrain<IReportGrain>(GrainKeys.Tenant(BenchDirectory.Tenant)).GatherFacts(BenchDirectory.Root, year)).Labels.Count),
        await TimeAsync("annual report, Markdown (gather + figures + render)", () => ReportAsync(grains, year, MarkdownRenderer.Render)),
        await TimeAsync("annual report, Word .docx (gather + figures + render)", () => ReportAsync(grains, year, DocxRenderer.Render)),
    };

    Console.WriteLine($"## Annual report: 1 organisation + {Branches} branches, {records:N0} records of {year}");
    Console.WriteLine();
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {MachineFacts.CpuModel()}; load average at start {loadStart}, at end {MachineFacts.LoadAverage()}. Runs per scenario: {runs}.");
    Console.WriteLine();
    Console.WriteLine("| scenario | median ms | min ms | max ms | × baseline | output |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    var baseline = Median(rows[0].Ms);
    foreach (var (name, ms, bytes) in rows)
    {
        Console.WriteLine($"| {name} | {Median(ms):F1} | {ms.Min():F1} | {ms.Max():F1} | {Median(ms) / baseline:F2} | {bytes:N0} |");
    }

    return 0;
}
finally
{
    if (silo is not null)
    {
        await silo.DisposeAsync();
    }

    await postgres.FinishAsync(keepDatabases: false, keepPostgres: false, _ => { });
}

async Task<(string, double[], long)> TimeAsync(string name, Func<Task<long>> run)
{
    Progress(name);
    long output = 0;
    for (var i = 0; i < 2; i++)
    {
        output = await run();
    }

    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        output = await run();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    return (name, times, output);
}

static async Task<long> ReportAsync(IGrainFactory grains, int year, Action<ReportDocument, Stream> render)
{
    var (figures, context) = await AnnualReportInput.GatherAsync(grains, BenchDirectory.Tenant, BenchDirectory.Root, year);
    var document = AnnualReportComposer.Compose(ReportTemplate.AnnualReportZh, figures, context);
    using var output = new MemoryStream();
    render(document, output);
    return output.Length;
}

static async Task<long> ListAllAsync(IGrainFactory grains, string[] nodes, int year)
{
    var counts = await Task.WhenAll(nodes.Select(async node =>
    {
        var ledger = grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(BenchDirectory.Tenant, node));
        long count = 0, after = 0;
        while (true)
        {
            var page = await ledger.ListRecords(new RecordQuery { AfterSequence = after, PageSize = 500, Year = year });
            count += page.Records.Count;
            if (page.NextAfterSequence is not { } next)
            {
                return count;
            }

            after = next;
        }
    }));
    return counts.Sum();
}

static async Task<int> LoadAsync(IGrainFactory grains, string node, int count, int year, int seed)
{
    var factory = new RecordFactory(seed, withEvidence: false);
    var ledger = grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(BenchDirectory.Tenant, node));
    var start = new DateOnly(year, 1, 1);
    var accepted = 0;
    foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
    {
        var results = await ledger.AppendBatch([.. chunk.Select(i => factory.Next($"{node}-{i:D5}", start.AddDays(i * 365 / count), i))]);
        accepted += results.Count(r => r.Record is not null);
    }

    return accepted;
}

static double Median(double[] values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

string ArgText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int ArgValue(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
