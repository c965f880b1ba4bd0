using BranchLedger.Contracts.Rankings;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>
/// Eight branches in three tenants with four tied totals, for the API tests. The documented order:
/// b/b1 95 · a/a1 90 · a/a2 80 · a/a3 80 · b/b2 80 · c/a1 80 · b/b3 60.5 · c/c2 40.
/// </summary>
internal static class SmallCity
{
    public static readonly string[] Order =
    [
        "tenant-b/branch-b1", "tenant-a/branch-a1", "tenant-a/branch-a2", "tenant-a/branch-a3",
        "tenant-b/branch-b2", "tenant-c/branch-a1", "tenant-b/branch-b3", "tenant-c/branch-c2",
    ];

    public static BranchScore[] Scores(string period) =>
    [
        Score("tenant-c", "branch-a1", period, 80, meetings: 9),
        Score("tenant-a", "branch-a1", period, 90, meetings: 8, findings: 12),
        Score("tenant-a", "branch-a2", period, 80, meetings: 7, findings: 15),
        Score("tenant-a", "branch-a3", period, 80, meetings: 6, findings: 5),
        Score("tenant-b", "branch-b1", period, 95, meetings: 10, findings: 15),
        Score("tenant-b", "branch-b2", period, 80, meetings: 4),
        Score("tenant-b", "branch-b3", period, 60.5, meetings: 3, findings: 20),
        Score("tenant-c", "branch-c2", period, 40, meetings: 2, findings: 0),
    ];
}
