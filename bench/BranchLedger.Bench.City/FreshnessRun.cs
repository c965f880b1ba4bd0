using System.Diagnostics;
using BranchLedger.Api.V1;
using BranchLedger.Bench.Rankings;
using BranchLedger.CityData;

namespace BranchLedger.Bench.City;

/// <summary>The freshness samples: write acknowledged → the branch's new score visible through GetBranchRank.</summary>
internal sealed record FreshnessResult(int Samples, int NeverVisible, Stats AckToVisible, Stats WriteLatency);

/// <summary>
/// One write at a time, 100–300 ms apart: a 主题党日 in a month in which the generated plan held none,
/// so the branch's score must change; then GetBranchRank (served from the ranking shards) every ~2 ms
/// until it shows a score computed after the one read before the write.
/// </summary>
internal static class FreshnessRun
{
    public static async Task<FreshnessResult> RunAsync(CityCalls calls, IEnumerable<DemoTenant> tenants, int year, int samples)
    {
        var random = new Random(20_261_127);
        var candidates = new List<(string Tenant, string Node, int Month, int Members)>();
        foreach (var tenant in tenants)
        {
            foreach (var node in tenant.Nodes.Where(n => n.IsBranch && n.Roster is not null))
            {
                var held = node.Rows.Where(r => r.Body.Meeting is { Kind: MeetingKind.ThemeDay }).Select(r => r.Body.Meeting.Date.Month).ToHashSet();
                var missing = Enumerable.Range(1, 12).Where(m => !held.Contains(m)).ToList();
                if (missing.Count > 0)
                {
                    candidates.Add((tenant.TenantId, node.NodeId, missing[random.Next(missing.Count)], node.Roster!.Members));
                }
            }

            if (candidates.Count >= samples * 3)
            {
                break;
            }
        }

        var chosen = candidates.OrderBy(_ => random.Next()).Take(samples).ToList();
        var visible = new List<double>();
        var writes = new List<double>();
        var never = 0;
        foreach (var (tenant, node, month, members) in chosen)
        {
            var before = (await calls.RankAsync(tenant, node)).ComputedAt;
            var start = Stopwatch.GetTimestamp();
            await calls.MeetingAsync(tenant, node, $"bench:fresh:{year}-{month:D2}", MeetingKind.ThemeDay, new DateOnly(year, month, 15), members, members);
            var acked = Stopwatch.GetTimestamp();
            writes.Add(Stopwatch.GetElapsedTime(start, acked).TotalMilliseconds);
            while (true)
            {
                if ((await calls.RankAsync(tenant, node)).ComputedAt > before)
                {
                    visible.Add(Stopwatch.GetElapsedTime(acked).TotalMilliseconds);
                    break;
                }

                if (Stopwatch.GetElapsedTime(acked) > TimeSpan.FromSeconds(10))
                {
                    never++;
                    break;
                }

                await Task.Delay(2);
            }

            await Task.Delay(random.Next(100, 300));
        }

        return new FreshnessResult(chosen.Count, never, Stats.Of(visible), Stats.Of(writes));
    }
}
