using Orleans.Configuration;

namespace BranchLedger.Silo;

/// <summary>
/// How long idle activations stay in memory, and what happens when memory runs short. A city has far
/// more ledgers than are written to at any moment, so a silo must not grow with every branch it ever
/// served: idle ledgers are collected after <see cref="LedgerIdleAge"/>, and above
/// <see cref="MemoryLimitPercentage"/> of the memory the process may use (the container's limit, or
/// <c>DOTNET_GCHeapHardLimit</c>) the least recently used activations are shed down to
/// <see cref="MemoryTargetPercentage"/>. Their state is durable, so shedding costs a reload, never data.
/// </summary>
public static class ActivationCollection
{
    /// <summary>The configuration section that overrides any of <see cref="GrainCollectionOptions"/>.</summary>
    public const string Section = "Orleans:GrainCollection";

    /// <summary>Idle age of a ledger: writes come in sessions, and rankings never need the ledger active.</summary>
    public static readonly TimeSpan LedgerIdleAge = TimeSpan.FromMinutes(5);

    /// <summary>Memory use (percent of what the process may use) at which shedding starts.</summary>
    public const double MemoryLimitPercentage = 80;

    /// <summary>Memory use at which shedding stops.</summary>
    public const double MemoryTargetPercentage = 70;

    /// <summary>The defaults above, then whatever <see cref="Section"/> sets.</summary>
    public static ISiloBuilder ConfigureActivationCollection(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.EnableActivationSheddingOnMemoryPressure = true;
            o.MemoryUsageLimitPercentage = MemoryLimitPercentage;
            o.MemoryUsageTargetPercentage = MemoryTargetPercentage;
            o.ClassSpecificCollectionAge[typeof(Grains.Ledger.LedgerGrain).FullName!] = LedgerIdleAge;
        });
        silo.Configure<GrainCollectionOptions>(configuration.GetSection(Section));
        return silo;
    }
}
