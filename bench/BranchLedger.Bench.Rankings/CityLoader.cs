using System.Globalization;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;

namespace BranchLedger.Bench.Rankings;

/// <summary>
/// Registers the bench city — tenants <c>city-t00</c>…, each with a root organisation and up to 50
/// branches with named rosters — and loads a year of records into every branch with one
/// <see cref="ILedgerGrain.AppendBatch"/>, tenants in parallel (as an import would), branches of a
/// tenant one after another.
/// </summary>
internal static class CityLoader
{
    private const string Root = "party-committee";

    /// <summary>Every branch's plan and the number of records loaded.</summary>
    public static async Task<(List<BranchPlan> Branches, int Records)> LoadAsync(
        IGrainFactory grains, int branches, DateOnly today, Action<string> progress)
    {
        var plans = Enumerable.Range(0, branches)
            .Select(i => (Tenant: $"city-t{i / RankingsOptions.BranchesPerTenant:D2}", Index: i % RankingsOptions.BranchesPerTenant))
            .GroupBy(b => b.Tenant)
            .Select(g =>
            {
                var random = new Random(TenantNumber(g.Key) + 1);
                return g.Select(b => YearOfRecords.Plan(b.Tenant, $"branch-{b.Index:D3}", b.Index, random)).ToList();
            })
            .ToList();
        var records = 0;
        var done = 0;
        await Task.WhenAll(plans.Select(async tenantPlans =>
        {
            var tenant = tenantPlans[0].Tenant;
            var directory = grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant));
            await directory.RegisterTenant(Command("register", new TenantRegistered
            {
                Profile = new TenantProfile { DisplayName = $"市直单位{tenant[^2..]}", BodyKind = BodyKind.GovernmentDepartment, TimeZone = "Asia/Shanghai" },
            }));
            await directory.CreateNode(Command("root", new NodeCreated { NodeId = Root, Kind = NodeKind.Organisation, Name = "机关党委" }));
            var random = new Random((TenantNumber(tenant) * 7919) + 17);
            foreach (var plan in tenantPlans)
            {
                await directory.CreateNode(Command($"node-{plan.Node}", new NodeCreated { NodeId = plan.Node, Kind = NodeKind.Branch, Name = plan.Name, ParentId = Root }));
                await directory.SetRoster(Command($"roster-{plan.Node}", new RosterSet { NodeId = plan.Node, Roster = plan.Roster }));
                var commands = YearOfRecords.For(plan, today, random);
                var results = await grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(plan.Tenant, plan.Node)).AppendBatch(commands);
                if (results.FirstOrDefault(r => r.Outcome != ImportOutcome.Accepted) is { } refused)
                {
                    throw new InvalidOperationException(
                        $"{plan.Tenant}/{plan.Node}: a generated record was refused: {string.Join("; ", refused.Errors.Select(e => $"{e.Field}: {e.Description}"))}");
                }

                Interlocked.Add(ref records, commands.Count);
                if (Interlocked.Increment(ref done) % 100 == 0)
                {
                    progress($"city: {done:N0} of {branches:N0} branches registered and loaded ({Volatile.Read(ref records):N0} records)");
                }
            }
        }));
        return ([.. plans.SelectMany(p => p)], records);
    }

    private static int TenantNumber(string tenant) => int.Parse(tenant["city-t".Length..], CultureInfo.InvariantCulture);

    private static DirectoryCommand<T> Command<T>(string requestId, T change)
        where T : DirectoryChange => new() { RequestId = requestId, RecordedBy = "bench", Change = change };
}
