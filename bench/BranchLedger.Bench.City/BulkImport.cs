using System.Diagnostics;
using BranchLedger.Api.V1;
using BranchLedger.CityData;

namespace BranchLedger.Bench.City;

/// <summary>Bulk import alone: rows accepted per second of wall time, and the same rows COPYed into a plain table.</summary>
internal sealed record BulkImportResult(int Branches, long Rows, double Seconds, double RowsPerSecond, int Concurrency, long PeerRows, double PeerSeconds, double PeerRowsPerSecond);

/// <summary>
/// The year before the city's, for the first tenants' existing branches: the same generator, so the
/// same mix of kinds, imported with ImportRecords only (the directory is already in place), C branches
/// at a time, at most 1,000 rows a request (closures by a second person) — then the same rows by binary COPY into the peer's own table.
/// </summary>
internal static class BulkImport
{
    public static async Task<BulkImportResult> RunAsync(CityPlatform platform, CityOptions o, int year, int concurrency)
    {
        var shape = new CityShape(Math.Max(1, Math.Min(o.Tenants, o.BulkImportBranches / o.BranchesPerTenant)), o.BranchesPerTenant, year - 1);
        var nodes = DemoCity.Generate(shape)
            .SelectMany(t => t.Nodes.Where(n => n.IsBranch).Select(n => (t.TenantId, Node: n)))
            .ToList();
        var ledger = platform.Ledger;
        long accepted = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(nodes, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (x, ct) =>
        {
            // Closures come from a second person, as in the city's own load: the ledger refuses a finding's
            // closure by whoever raised it.
            foreach (var (chunk, closes) in DemoCityLoader.ImportRuns(x.Node.Rows))
            {
                var caller = closes ? CityCalls.Verifier(x.TenantId) : CityCalls.As(x.TenantId);
                var response = await ledger.ImportRecordsAsync(
                    new ImportRecordsRequest { NodeId = x.Node.NodeId, Rows = { chunk } }, caller, cancellationToken: ct);
                if (response.Rejected > 0 || response.Duplicates > 0)
                {
                    var why = string.Join("; ", response.Results
                        .Where(r => r.Violations.Count > 0)
                        .Select(r => $"row {r.Index} ({chunk[r.Index].Body?.BodyCase}): " + string.Join(", ", r.Violations.Select(v => $"{v.Field}: {v.Description}"))));
                    throw new InvalidOperationException($"{x.TenantId}/{x.Node.NodeId}: {response.Rejected} rejected, {response.Duplicates} duplicates in a fresh import. {why}");
                }

                Interlocked.Add(ref accepted, response.Accepted);
            }
        });
        clock.Stop();
        var (peerRows, peerSeconds) = await SqlPeer.LoadAsync(platform.Database, DemoCity.Generate(shape), "peer_import");
        return new BulkImportResult(
            nodes.Count, accepted, clock.Elapsed.TotalSeconds, accepted / clock.Elapsed.TotalSeconds, concurrency,
            peerRows, peerSeconds, peerRows / peerSeconds);
    }
}
