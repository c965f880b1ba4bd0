using System.Collections.Concurrent;
using System.Diagnostics;
using BranchLedger.Api.V1;
using Grpc.Core;

namespace BranchLedger.CityData;

/// <summary>
/// Loads the demo city through the public API only: DirectoryService for tenants, nodes and rosters,
/// then LedgerService.ImportRecords per node in batches of at most 1,000 rows, in order. Every request
/// id is fixed by the plan, so loading again records nothing new (directory writes are replayed, rows
/// come back DUPLICATE). Bodies load in parallel (at most <paramref name="parallelTenants"/> at once, taken
/// from the city as they are needed), and so do the nodes of a body once its directory is in place.
/// <paramref name="callerFor"/> gives each tenant's credentials (a token allowed to register it and write its records).
/// </summary>
public sealed class DemoCityLoader(
    DirectoryService.DirectoryServiceClient directory, LedgerService.LedgerServiceClient ledger, Func<string, Metadata> callerFor, int parallelTenants = 8)
{
    /// <summary>The recorder of every demo write: a replay must come from the same user to count as one.</summary>
    public const string User = "demo-city";

    /// <summary>The most rows ImportRecords takes in one request.</summary>
    public const int MaxRowsPerImport = 1000;

    private const int MaxProblems = 20;
    private const int ParallelImports = 8;

    /// <summary>Loads <paramref name="city"/>; refused rows are counted and reported, not thrown.</summary>
    public async Task<DemoLoadSummary> LoadAsync(IEnumerable<DemoTenant> city, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var counts = new Counts();
        int tenants = 0, branches = 0;
        await Parallel.ForEachAsync(
            city,
            new ParallelOptions { MaxDegreeOfParallelism = parallelTenants, CancellationToken = cancellationToken },
            async (tenant, ct) =>
            {
                Interlocked.Increment(ref tenants);
                Interlocked.Add(ref branches, tenant.Nodes.Count(n => n.IsBranch));
                await LoadTenantAsync(tenant, counts, ct);
            });
        return new DemoLoadSummary(
            tenants, branches, counts.Created, counts.Duplicates, counts.Rejected,
            counts.Problems.Take(MaxProblems).ToList(), clock.Elapsed);
    }

    private async Task LoadTenantAsync(DemoTenant tenant, Counts counts, CancellationToken cancellationToken)
    {
        var caller = callerFor(tenant.TenantId);
        await TolerateExistingAsync(() => directory.RegisterTenantAsync(
            new RegisterTenantRequest { RequestId = "demo:register", Profile = tenant.Profile }, caller, cancellationToken: cancellationToken).ResponseAsync);
        foreach (var node in tenant.Nodes)
        {
            await TolerateExistingAsync(() => directory.CreateNodeAsync(node.Node, caller, cancellationToken: cancellationToken).ResponseAsync);
            if (node.Roster is { } roster)
            {
                await RetryAsync(() => directory.SetRosterAsync(roster, caller, cancellationToken: cancellationToken).ResponseAsync);
            }
        }

        await Parallel.ForEachAsync(
            tenant.Nodes,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelImports, CancellationToken = cancellationToken },
            async (node, ct) =>
            {
                foreach (var chunk in node.Rows.Chunk(MaxRowsPerImport))
                {
                    var request = new ImportRecordsRequest { NodeId = node.NodeId, Rows = { chunk } };
                    var response = await RetryAsync(() => ledger.ImportRecordsAsync(request, caller, cancellationToken: ct).ResponseAsync);
                    counts.Add(response);
                    foreach (var refused in response.Results.Where(r => r.Outcome == ImportOutcome.Rejected))
                    {
                        var why = string.Join("; ", refused.Violations.Select(v => $"{v.Field} {v.Description}"));
                        counts.Problems.Enqueue($"{tenant.TenantId}/{node.NodeId} {chunk[refused.Index].RequestId}: {why}");
                    }
                }
            });
    }

    // A tenant or node registered before under another request id is there all the same.
    private static async Task TolerateExistingAsync<T>(Func<Task<T>> call)
    {
        try
        {
            await RetryAsync(call);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
        }
    }

    // Right after start the gateway may not have found a silo yet. Every demo write is idempotent, so
    // UNAVAILABLE is simply retried with the same request.
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private sealed class Counts
    {
        private int _created, _duplicates, _rejected;

        public int Created => _created;

        public int Duplicates => _duplicates;

        public int Rejected => _rejected;

        public ConcurrentQueue<string> Problems { get; } = new();

        public void Add(ImportRecordsResponse response)
        {
            Interlocked.Add(ref _created, response.Accepted);
            Interlocked.Add(ref _duplicates, response.Duplicates);
            Interlocked.Add(ref _rejected, response.Rejected);
        }
    }
}
