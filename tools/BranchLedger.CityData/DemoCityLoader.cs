using System.Collections.Concurrent;
using System.Diagnostics;
using BranchLedger.Api.V1;
using Grpc.Core;

namespace BranchLedger.CityData;

/// <summary>
/// Loads the demo city through the public API only: DirectoryService for tenants, then their nodes and
/// rosters with ImportNodes (one directory write per request, not one per node: each write rewrites
/// the tenant's whole directory), then LedgerService.ImportRecords per node in batches of at most 1,000
/// rows, in order. Every request id is fixed by the plan, so loading again records nothing new (directory writes are replayed, rows
/// come back DUPLICATE). Bodies load in parallel (at most <paramref name="parallelTenants"/> at once, taken
/// from the city as they are needed), and so do the nodes of a body once its directory is in place.
/// <paramref name="callerFor"/> gives each tenant's credentials (a token allowed to register it and write its records);
/// <paramref name="verifierFor"/> another person's, allowed to import records and holding findings.verify
/// (a second tenant admin), who closes the findings: the ledger refuses a closure by whoever raised a
/// finding or recorded its remediation.
/// </summary>
public sealed class DemoCityLoader(
    DirectoryService.DirectoryServiceClient directory,
    LedgerService.LedgerServiceClient ledger,
    Func<string, Metadata> callerFor,
    Func<string, Metadata> verifierFor,
    int parallelTenants = 8)
{
    /// <summary>The recorder of every demo write but closures: a replay must come from the same user to count as one.</summary>
    public const string User = "demo-city";

    /// <summary>The recorder of the demo's finding closures (销号), someone other than <see cref="User"/>.</summary>
    public const string VerifierUser = "demo-city-verifier";

    /// <summary>The most rows ImportRecords takes in one request.</summary>
    public const int MaxRowsPerImport = 1000;

    /// <summary>
    /// Nodes per ImportNodes request (it takes up to 500): each new node's ledger is told of it before
    /// the answer, so a smaller request stays well inside the gateway's deadline on a busy machine.
    /// </summary>
    public const int NodesPerImport = 100;

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
            counts.Problems.Take(MaxProblems).ToList(), clock.Elapsed, counts.Directory, counts.Import);
    }

    private async Task LoadTenantAsync(DemoTenant tenant, Counts counts, CancellationToken cancellationToken)
    {
        var caller = callerFor(tenant.TenantId);
        var verifier = verifierFor(tenant.TenantId);
        var phase = Stopwatch.StartNew();
        await TolerateExistingAsync(() => directory.RegisterTenantAsync(
            new RegisterTenantRequest { RequestId = "demo:register", Profile = tenant.Profile }, caller, cancellationToken: cancellationToken).ResponseAsync);
        foreach (var chunk in tenant.Nodes.Chunk(NodesPerImport))
        {
            var request = new ImportNodesRequest { Nodes = { chunk.Select(ToImport) } };
            await RetryAsync(() => directory.ImportNodesAsync(request, caller, cancellationToken: cancellationToken).ResponseAsync);
        }

        counts.AddDirectory(phase.Elapsed);
        phase.Restart();
        await Parallel.ForEachAsync(
            tenant.Nodes,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelImports, CancellationToken = cancellationToken },
            async (node, ct) =>
            {
                foreach (var (chunk, closes) in ImportRuns(node.Rows))
                {
                    var request = new ImportRecordsRequest { NodeId = node.NodeId, Rows = { chunk } };
                    var response = await RetryAsync(() => ledger.ImportRecordsAsync(request, closes ? verifier : caller, cancellationToken: ct).ResponseAsync);
                    counts.Add(response);
                    foreach (var refused in response.Results.Where(r => r.Outcome == ImportOutcome.Rejected))
                    {
                        var why = string.Join("; ", refused.Violations.Select(v => $"{v.Field} {v.Description}"));
                        counts.Problems.Enqueue($"{tenant.TenantId}/{node.NodeId} {chunk[refused.Index].RequestId}: {why}");
                    }
                }
            });
        counts.AddImport(phase.Elapsed);
    }

    /// <summary>
    /// A node's rows in order, cut into imports of at most <see cref="MaxRowsPerImport"/> rows each made by one
    /// person: runs of finding closures (<c>Closes</c>) go to the verifier, everything else to the recorder.
    /// </summary>
    public static IEnumerable<(ImportRow[] Rows, bool Closes)> ImportRuns(IReadOnlyList<ImportRow> rows)
    {
        var run = new List<ImportRow>();
        var closes = false;
        foreach (var row in rows)
        {
            var isClosure = row.Body.BodyCase == RecordBody.BodyOneofCase.FindingClosure;
            if (run.Count > 0 && (isClosure != closes || run.Count == MaxRowsPerImport))
            {
                yield return ([.. run], closes);
                run.Clear();
            }

            closes = isClosure;
            run.Add(row);
        }

        if (run.Count > 0)
        {
            yield return ([.. run], closes);
        }
    }

    // The plan's CreateNode / SetRoster requests as one ImportNodes item, with the same request ids.
    private static NodeImport ToImport(DemoNode node)
    {
        var item = new NodeImport
        {
            RequestId = node.Node.RequestId, NodeId = node.NodeId, Kind = node.Node.Kind, Name = node.Node.Name, ParentId = node.Node.ParentId,
        };
        if (node.Roster is { } r)
        {
            item.Roster = new RosterImport
            {
                RequestId = r.RequestId, EffectiveFrom = r.EffectiveFrom, Secretary = r.Secretary,
                CommitteeMembers = r.CommitteeMembers, Members = r.Members, VotingMembers = r.VotingMembers,
                CommitteeNames = { r.CommitteeNames }, MemberNames = { r.MemberNames },
            };
        }

        return item;
    }

    // A tenant registered before under another request id is there all the same.
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

    // Right after start the gateway may not have found a silo yet, and a saturated machine may run past
    // the gateway's deadline. Every demo write is idempotent, so UNAVAILABLE and DEADLINE_EXCEEDED are
    // simply retried with the same request (a write that completed meanwhile is answered as replayed).
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && attempt < 60)
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

        private long _directoryTicks, _importTicks;

        public TimeSpan Directory => TimeSpan.FromTicks(_directoryTicks);

        public TimeSpan Import => TimeSpan.FromTicks(_importTicks);

        public void AddDirectory(TimeSpan t) => Interlocked.Add(ref _directoryTicks, t.Ticks);

        public void AddImport(TimeSpan t) => Interlocked.Add(ref _importTicks, t.Ticks);

        public void Add(ImportRecordsResponse response)
        {
            Interlocked.Add(ref _created, response.Accepted);
            Interlocked.Add(ref _duplicates, response.Duplicates);
            Interlocked.Add(ref _rejected, response.Rejected);
        }
    }
}
