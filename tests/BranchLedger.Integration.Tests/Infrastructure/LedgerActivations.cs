namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>The test cluster's ledger activations: how many there are, and collecting every idle one.</summary>
internal static class LedgerActivations
{
    /// <summary>How many ledger grains are active in the cluster.</summary>
    public static async Task<int> CountAsync(IGrainFactory grains) =>
        (await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains("Ledger.LedgerGrain", StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);

    /// <summary>Collects every idle activation until no ledger is left (each deactivation runs its OnDeactivateAsync).</summary>
    public static async Task DeactivateAllAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await CountAsync(grains) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the ledgers were not deactivated");
            await management.ForceActivationCollection(TimeSpan.Zero);
            await Task.Delay(100);
        }
    }
}
