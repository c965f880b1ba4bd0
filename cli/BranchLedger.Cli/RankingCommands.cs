using BranchLedger.Api.V1;
using BranchLedger.CityData;
using Grpc.Core;

namespace BranchLedger.Cli;

/// <summary>The <c>top</c> command: the head of the city-wide ranking.</summary>
internal static class RankingCommands
{
    public static async Task<int> TopAsync(RankingService.RankingServiceClient ranking, Metadata headers, string? period, int count)
    {
        // Last year by default: a finished year is the fullest picture of the demo city.
        period ??= (DemoCity.Today().Year - 1).ToString();
        var response = await ranking.ListTopBranchesAsync(
            new ListTopBranchesRequest { Scope = RankingScope.City, Period = period, PageSize = count }, headers);
        Console.WriteLine($"city ranking {period} ({response.RankedCount} branches, rubric {response.RubricVersion})");
        foreach (var b in response.Branches)
        {
            Console.WriteLine($"{b.Rank,4} {b.Total,7:0.00} {b.Grade,-3} {b.TenantId,-20} {b.NodeId,-26} {b.DisplayName}");
        }

        return 0;
    }
}
